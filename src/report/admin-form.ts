import type { Settings } from "../model/settings";
import { placeAndDate, vietnameseDate } from "./dates";

/**
 * The parts of an administrative document (văn bản hành chính, Nghị định 30/2020/NĐ-CP, Phụ lục I) around the
 * report's body, every text from settings `report`. A text the settings leave out is printed as NOT_DECLARED, so a
 * draft shows at a glance what the province still has to fill in.
 */

export const NOT_DECLARED = "(chưa khai báo)";
export const NATIONAL_HEADING = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
export const MOTTO = "Độc lập - Tự do - Hạnh phúc";
/** Tên loại văn bản. */
export const DOCUMENT_TYPE = "BÁO CÁO";
export const DEFAULT_TITLE = "Tình hình triển khai hạ tầng số cho các đơn vị hành chính cấp xã mới";

export interface AdministrativeForm {
  /** Cơ quan chủ quản, upper case; undefined when the settings say the issuer has none (""). */
  readonly parentBody?: string;
  /** Cơ quan ban hành, upper case. */
  readonly issuer: string;
  /** The issuer as the body of the text names it, in its own case. */
  readonly issuerName: string;
  /** Số, ký hiệu: "15/BC-SKHCN". */
  readonly number: string;
  /** "Bình Thuận, ngày 26 tháng 6 năm 2025". */
  readonly placeAndDate: string;
  readonly date: string;
  /** Trích yếu. */
  readonly title: string;
  /** Nơi nhận, each line ending as the decree writes them: ";" and "." on the last. */
  readonly recipients: readonly string[];
  /** Quyền hạn and chức vụ of the signer, upper case; the first only when one signs for another. */
  readonly signerTitles: readonly string[];
  readonly signerName: string;
}

const upper = (text: string) => text.toLocaleUpperCase("vi");

export function administrativeForm(settings: Settings, today: string): AdministrativeForm {
  const form = settings.report ?? { recipients: [] };
  const issuerName = form.issuer ?? NOT_DECLARED;
  const recipients = form.recipients.length === 0 ? [NOT_DECLARED] : form.recipients.map((line) => line.replace(/[;.,\s]+$/, ""));
  const signer = form.signer ?? {};
  return {
    parentBody: form.parentBody === "" ? undefined : form.parentBody === undefined ? NOT_DECLARED : upper(form.parentBody),
    issuer: form.issuer === undefined ? NOT_DECLARED : upper(form.issuer),
    issuerName,
    number: form.number ?? NOT_DECLARED,
    placeAndDate: placeAndDate(form.place ?? NOT_DECLARED, today),
    date: vietnameseDate(today),
    title: form.title ?? DEFAULT_TITLE,
    recipients: recipients.map((line, index) => `- ${line}${index === recipients.length - 1 ? "." : ";"}`),
    signerTitles: [...(signer.authority === undefined ? [] : [upper(signer.authority)]), signer.position === undefined ? NOT_DECLARED : upper(signer.position)],
    signerName: signer.name ?? NOT_DECLARED,
  };
}
