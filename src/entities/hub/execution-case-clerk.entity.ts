import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ExecutionCase } from './execution-case.entity';
import { User } from './user.entity';

/** A clerk currently assigned to an execution case; unassigning deletes the row (the audit log keeps history). */
@Entity('execution_case_clerk')
@Index(['userId', 'caseId'])
export class ExecutionCaseClerk {
  @PrimaryColumn({ name: 'case_id', type: 'uuid' })
  caseId!: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @ManyToOne(() => ExecutionCase, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id' })
  case?: ExecutionCase;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @CreateDateColumn({ name: 'assigned_at', type: 'timestamptz' })
  assignedAt!: Date;
}
