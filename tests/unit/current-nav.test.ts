import { describe, expect, it } from 'vitest';
import { navCurrent } from '@/components/admin/current-nav';

const HREFS = ['/admin', '/admin/articles', '/admin/articles/new', '/admin/stats', '/admin/audit'];

describe('navCurrent: the sidebar link that is the current page', () => {
  it('marks the page itself as "page", the dashboard only on /admin', () => {
    expect(navCurrent('/admin', HREFS)).toEqual({ href: '/admin', current: 'page' });
    expect(navCurrent('/admin/audit', HREFS)).toEqual({ href: '/admin/audit', current: 'page' });
    expect(navCurrent('/admin/audit/', HREFS)).toEqual({ href: '/admin/audit', current: 'page' });
  });

  it('prefers the longest link: 写文章 on /admin/articles/new, not 文章', () => {
    expect(navCurrent('/admin/articles/new', HREFS)).toEqual({ href: '/admin/articles/new', current: 'page' });
  });

  it('marks the section of a detail page as "true", not as the page', () => {
    expect(navCurrent('/admin/articles/37/revisions', HREFS)).toEqual({ href: '/admin/articles', current: 'true' });
    expect(navCurrent('/admin/statistics', HREFS)).toEqual({ href: '/admin', current: 'true' });
  });

  it('marks nothing outside the links', () => {
    expect(navCurrent('/', HREFS)).toBeNull();
    expect(navCurrent('/administrator', HREFS)).toBeNull();
  });
});
