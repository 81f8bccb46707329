-- The hotline setting holds the number; pages add the label in the site's language. A label typed
-- into the value before ("服务热线：400-800-0000", "Hotline: …") is taken off, once. A label must be
-- followed by a colon or a space, so a value that merely starts like one ("Telecom…") stays as it is.
UPDATE "site_settings" SET "hotline" = btrim(regexp_replace("hotline", '^\s*(服务热线|客服热线|热线电话|咨询热线|热线|hotline|telephone|tel|phone)(\s*[:：]\s*|\s+)', '', 'i'));
