'use client';

import './globals.css';

export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <html lang="zh-CN">
      <body>
        <main className="mx-auto max-w-xl px-4 py-16 text-center">
          <h1 className="text-2xl font-bold">出错了 · Something went wrong</h1>
          <p className="mt-2">服务暂时不可用，请稍后再试。 The service is temporarily unavailable.</p>
          <button type="button" onClick={reset} className="mt-6 rounded border px-4 py-2">
            重试 · Try again
          </button>
        </main>
      </body>
    </html>
  );
}
