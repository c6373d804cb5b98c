import type { Role } from '../../../../core/review';
import { lineIcon } from '../../components/icons';

/** A briefcase for the firm, a public building for the Région (decorative: the name says it). */
export function RoleIcon({ role }: { role: Role }) {
  return role === 'firm' ? (
    <svg className="icon" viewBox="0 0 24 24" width="26" height="26" {...lineIcon}>
      <rect x="3" y="7.5" width="18" height="12.5" rx="2" />
      <path d="M8.5 7.5V5.75A1.75 1.75 0 0 1 10.25 4h3.5a1.75 1.75 0 0 1 1.75 1.75V7.5M3 12.5h18M10.5 12.5v2h3v-2" />
    </svg>
  ) : (
    <svg className="icon" viewBox="0 0 24 24" width="26" height="26" {...lineIcon}>
      <path d="M3 9.5 12 4l9 5.5M4.5 9.5h15M3 20h18M5.5 17.5h13" />
      <path d="M6.5 11.5v6M10 11.5v6M14 11.5v6M17.5 11.5v6" />
    </svg>
  );
}
