/**
 * Mã định danh điện tử of an agency. Two forms are in use:
 * - Quyết định 20/2020/QĐ-TTg: dot-separated groups from level 1 on the left, letters A–Z and digits only,
 *   at most 35 characters; the level-1 group is a letter and two digits (H = provincial People's Committee),
 *   e.g. H55.242.
 * - The older QCVN 102:2016 form still printed on most documents: 13 characters with level 1 on the right,
 *   e.g. 000.00.00.H10, where 000 / 00 mean "no unit at this level".
 * A commune-level unit sits below level 1, so a code that names only the level-1 body (000.00.00.H10, H10)
 * is refused.
 */
const QD20_FORM = /^(?=.{3,35}$)[A-Z]\d{2}(\.[0-9A-Z]+)+$/;
const QCVN_FORM = /^(?!000\.00\.00\.)\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/;

export const IDENTIFIER_CODE_PATTERN = new RegExp(`${QD20_FORM.source}|${QCVN_FORM.source}`);
export const IDENTIFIER_CODE_GRAMMAR =
  "a level-1 group (letter + 2 digits) followed by the lower groups, e.g. H55.242.01, or the 13-character form 001.02.03.H10; a code of the province alone (000.00.00.H10) is not a commune's";
