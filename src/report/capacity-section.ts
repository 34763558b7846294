import { type CapacityFigure, type CapacityKey, increaseNeeded, minimumMinutes } from "../capacity/figures";
import { URL_MAP_LIMITS } from "../model/cloud-limits";
import { vietnameseNumber } from "./numbers";
import type { Cell, Section } from "./blocks";

/** What each figure counts, in the report's Vietnamese. */
const ITEMS: Readonly<Record<CapacityKey, string>> = {
  urlMapBytes: "Dung lượng bảng định tuyến (URL map), tính bằng byte",
  hostRules: "Số quy tắc tên máy chủ (host rule) của bảng định tuyến",
  pathMatchers: "Số bộ so khớp đường dẫn (path matcher) của bảng định tuyến",
  hostsPerHostRule: "Số tên máy chủ trong một quy tắc (lớn nhất)",
  routeRulesPerPathMatcher: "Số quy tắc định tuyến trong một bộ so khớp (lớn nhất)",
  predicatesPerPathMatcher: "Số điều kiện so khớp trong một bộ so khớp (lớn nhất)",
  distinctBackends: "Số nguồn phục vụ (backend) khác nhau của bảng định tuyến",
  backendBuckets: "Số nguồn phục vụ từ kho lưu trữ (backend bucket)",
  urlMaps: "Số bảng định tuyến (URL map)",
  targetProxies: "Số proxy HTTP(S)",
  forwardingRules: "Số quy tắc chuyển tiếp toàn cầu",
  globalAddresses: "Số địa chỉ IP tĩnh toàn cầu",
  sslPolicies: "Số chính sách SSL",
  certificates: "Số chứng thư số (Certificate Manager)",
  mapEntries: "Số mục trong bản đồ chứng thư số",
  dnsAuthorizations: "Số xác thực DNS cho chứng thư số",
  certificateMaps: "Số bản đồ chứng thư số",
  certificateWrites: "Số thao tác ghi Certificate Manager khi triển khai lần đầu",
  bucketCreations: "Số kho lưu trữ (bucket) tạo khi triển khai lần đầu",
  archiveFolders: "Số thư mục lưu trữ cổng thông tin cũ (managed folder)",
  tenants: "Số đơn vị trên hệ thống xác thực tập trung",
  zoneRecords: "Số bản ghi của vùng DNS nhiều bản ghi nhất",
  dnsimpleFirstDeploy: "Số yêu cầu API DNSimple khi triển khai lần đầu",
  dnsimpleDriftSlot: "Số yêu cầu API DNSimple của khung giờ kiểm tra sai lệch (drift) lớn nhất",
  dnsimplePullRequestPlan: "Số yêu cầu API DNSimple của một lần lập kế hoạch cho yêu cầu hợp nhất (không đọc lại)",
};

const KINDS: Readonly<Record<CapacityFigure["kind"], string>> = { limit: "Giới hạn cứng", quota: "Hạn mức (có thể đề nghị tăng)", rate: "Tốc độ" };

const duration = (minutes: number) => (minutes < 1 ? "dưới 1 phút" : minutes < 90 ? `${vietnameseNumber(Math.ceil(minutes))} phút` : `${vietnameseNumber(Math.ceil(minutes / 60))} giờ`);

function note(figure: CapacityFigure): string {
  if (figure.kind === "limit" && figure.allowance !== undefined && figure.used > figure.allowance) return "VƯỢT GIỚI HẠN";
  switch (figure.key) {
    case "urlMapBytes":
      return figure.used > URL_MAP_LIMITS.legacyBytes ? `Vượt ${URL_MAP_LIMITS.legacyBytes / 1024} KB mà trang hạn mức chung của Google còn ghi: cần xác nhận dự án có giới hạn 1 MB` : "";
    case "archiveFolders":
      return "Google không công bố giới hạn";
    case "tenants":
      return "Dự án phải bật thanh toán (không bật: tối đa 2)";
    case "zoneRecords":
      return `Vùng ${figure.subject}; giới hạn theo gói dịch vụ DNSimple`;
    case "dnsimpleDriftSlot":
      return figure.used > figure.allowance!
        ? "Một stack vượt nửa hạn mức mỗi giờ dành cho kiểm tra sai lệch: cần chia nhỏ stack"
        : `Trong nửa hạn mức mỗi giờ dành cho kiểm tra sai lệch; ${vietnameseNumber(Number(figure.subject))} khung giờ, mỗi stack được đọc lại một lần mỗi tuần`;
    case "dnsimplePullRequestPlan":
      return "Không đọc lại bản ghi nào (-refresh=false)";
  }
  if (figure.kind === "rate") return `Ít nhất ${duration(minimumMinutes(figure))}`;
  if (figure.kind === "quota" && figure.allowance === undefined) return "Hạn mức theo dự án: đối chiếu với hạn mức của dự án";
  if (figure.kind === "quota") return increaseNeeded(figure) > 0 ? `Cần đề nghị tăng thêm ${vietnameseNumber(increaseNeeded(figure))} (lên ${vietnameseNumber(figure.used)}) trước khi triển khai` : "Trong hạn mức mặc định";
  return "";
}

const allowance = (figure: CapacityFigure) => (figure.allowance === undefined ? "—" : `${vietnameseNumber(figure.allowance)}${figure.per ? ` / ${figure.per === "hour" ? "giờ" : "phút"}` : ""}`);

/** The capacity a deploy needs (npm run capacity), as an appendix of the report. */
export function capacitySection(figures: readonly CapacityFigure[]): Section {
  const rows = figures.map((figure): Cell[] => [figure.service, ITEMS[figure.key], { kind: "number", text: vietnameseNumber(figure.used) }, KINDS[figure.kind], allowance(figure), note(figure)]);
  return {
    id: "phu-luc-han-muc",
    title: "Hạn mức dịch vụ đám mây cần cho triển khai",
    blocks: [
      { kind: "paragraph", text: "Số liệu tính từ cấu hình Terraform của tỉnh (npm run capacity). Giới hạn cứng không thay đổi được; hạn mức cần đề nghị nhà cung cấp tăng trước khi triển khai; tốc độ quyết định thời gian triển khai lần đầu ngắn nhất." },
      { kind: "table", id: "han-muc", header: ["Dịch vụ", "Hạng mục", "Sử dụng", "Loại", "Mức cho phép", "Ghi chú"], rows },
    ],
  };
}
