/**
 * The milestones of Bình Thuận's plan (Kế hoạch 2495/KH-UBND, June 2025), in the order of the plan, with the
 * keys the settings use under `rollout`. The dates are the plan's deadlines; they are not in the config because
 * the plan fixes them for the whole province.
 */

export const PLAN_REFERENCE = "Kế hoạch 2495/KH-UBND";

export type MilestoneKey = "domains" | "addresses" | "dataNetwork" | "guidance" | "meetingRooms" | "goLive";
export type MilestoneStatus = "pending" | "in-progress" | "done";

export interface Milestone {
  readonly key: MilestoneKey;
  /** Deadline, YYYY-MM-DD. */
  readonly due: string;
  /** Short column heading. */
  readonly short: string;
  /** What the plan asks for, in full. */
  readonly label: string;
}

export const MILESTONES: readonly Milestone[] = [
  { key: "domains", due: "2025-06-05", short: "Khai báo tên miền", label: "Khai báo tên miền cho đơn vị mới" },
  { key: "addresses", due: "2025-06-09", short: "Địa chỉ trụ sở", label: "Gửi địa chỉ trụ sở của đơn vị mới" },
  { key: "dataNetwork", due: "2025-06-15", short: "Mạng truyền số liệu", label: "Kết nối mạng truyền số liệu chuyên dùng tại trụ sở mới" },
  { key: "guidance", due: "2025-06-20", short: "Hướng dẫn", label: "Hướng dẫn sử dụng các hệ thống dùng chung" },
  { key: "meetingRooms", due: "2025-06-25", short: "Phòng họp trực tuyến", label: "2 phòng họp trực tuyến mỗi xã (khối chính quyền, khối Đảng)" },
  { key: "goLive", due: "2025-07-01", short: "Vận hành", label: "Vận hành chính thức" },
];

export const STATUS_TEXT: Readonly<Record<MilestoneStatus, string>> = {
  pending: "chưa thực hiện",
  "in-progress": "đang thực hiện",
  done: "hoàn thành",
};

/** 2025-06-05 → 05/06/2025, the way Vietnamese documents write dates. */
export function vietnameseDate(iso: string): string {
  const [year, month, day] = iso.split("-");
  return `${day}/${month}/${year}`;
}
