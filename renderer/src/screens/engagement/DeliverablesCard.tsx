import { useRef, useState } from 'react';
import { LOCKED_STATUSES, type Deliverable, type EngagementDetail } from '../../../../core/domain';
import type { ReviewComment } from '../../../../core/review';
import { Card } from '../../components/Definitions';
import { useI18n } from '../../i18n';
import { DeliverableDropZone } from './deliverables/DeliverableDropZone';
import { DeliverableItem } from './deliverables/DeliverableItem';
import { UploadQueue } from './deliverables/UploadQueue';
import { useDeliverableUploads } from './deliverables/useDeliverableUploads';
import '../../styles/closing.css';

/**
 * The files the mission produced (diagnostic, action plan, final report…): attached by dropping
 * or choosing them, removed after a confirmation; locked with the days once the mission is
 * submitted, since they travel in the closing package. A deliverable the Région commented on
 * shows the comment beside it.
 */
export function DeliverablesCard({ detail, onChanged, comments }: { detail: EngagementDetail; onChanged: () => void; comments?: ReadonlyMap<string, ReviewComment[]> }) {
  const { t, number } = useI18n();
  const { engagement, deliverables } = detail;
  const locked = LOCKED_STATUSES.includes(engagement.status);
  const [announcement, setAnnouncement] = useState('');
  const browseRef = useRef<HTMLButtonElement>(null);
  const uploads = useDeliverableUploads(engagement.id, (deliverable: Deliverable) => {
    setAnnouncement(t('closingUi.deliverables.attached', { title: deliverable.title }));
    onChanged();
  });

  function onRemoved(deliverable: Deliverable) {
    setAnnouncement(t('closingUi.deliverables.removed', { title: deliverable.title }));
    onChanged();
    // The row and its buttons are going away: keep the keyboard in this card.
    browseRef.current?.focus();
  }

  const lockedReason = locked ? t('closingUi.deliverables.locked', { ref: engagement.ref, status: t(`status.${engagement.status}`) }) : null;
  return (
    <Card
      title={t('engagement.deliverables')}
      titleId="deliverables-title"
      className="deliverables-card"
      aside={deliverables.length > 0 ? <span className="card-count">{number(deliverables.length)}</span> : undefined}
    >
      {deliverables.length === 0 ? (
        <p className="card-empty">{t('engagement.noDeliverables')}</p>
      ) : (
        <ul className="deliverables" aria-labelledby="deliverables-title">
          {deliverables.map((deliverable) => (
            <DeliverableItem key={deliverable.id} deliverable={deliverable} removable={!locked} onRemoved={onRemoved} comments={comments?.get(deliverable.id)} />
          ))}
        </ul>
      )}
      <DeliverableDropZone onFiles={uploads.add} lockedReason={lockedReason} browseRef={browseRef} />
      {uploads.uploads.length > 0 && !locked && (
        <UploadQueue
          uploads={uploads.uploads}
          sending={uploads.sending}
          onChange={uploads.change}
          onDiscard={uploads.discard}
          onSend={() => void uploads.sendAll()}
          onClear={uploads.clear}
        />
      )}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </Card>
  );
}
