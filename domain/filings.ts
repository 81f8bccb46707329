/**
 * The two filing numbers a site in mainland China shows in its footer, each a link to where a reader
 * can check it: the ICP licence (工信部 ICP 备案) and the public-security filing (公安联网备案).
 */
export const ICP_LOOKUP_URL = 'https://beian.miit.gov.cn/';

/**
 * The MPS lookup for a 公安备案号 such as 京公网安备11010502000001号: the page takes the digits as
 * `code` (as the badge snippet the filing system hands out does). Null when the number has none.
 */
export function policeFilingUrl(filing: string): string | null {
  const code = filing.replace(/\D/g, '');
  return code ? `https://beian.mps.gov.cn/#/query/webSearch?code=${code}` : null;
}
