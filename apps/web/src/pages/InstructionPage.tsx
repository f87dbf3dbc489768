import { Space } from 'antd';
import { Link, useParams } from 'react-router';
import { useInstruction } from '../api/inbox-queries';
import { useI18n } from '../i18n/i18n';
import { InstructionCard } from '../shared/InstructionPanel';
import { Pending } from '../shared/QueryFailed';

const TARGET_PATH = { problem: '/problems/', unit: '/units/', notice: '/notices/' } as const;

/** One instruction, opened from the inbox: what was asked, and each unit's answer. */
export default function InstructionPage() {
  const { instructionId = '' } = useParams();
  const { t } = useI18n();
  const answer = useInstruction(instructionId);
  if (!answer.data) return <Pending queries={[answer]} what={t('instruction')} testId="instruction-failed" />;
  const { instruction } = answer.data;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%', maxWidth: 820 }}>
      <InstructionCard instruction={instruction} />
      <Link to={`${TARGET_PATH[instruction.target.kind]}${instruction.target.id}`}>← {t(`target_${instruction.target.kind}`)}</Link>
    </Space>
  );
}
