import type { Prisma } from "@/lib/generated/prisma/client";
import { DelegationSchema, type DelegationDto } from "./delegation-schemas";

const person = { select: { id: true, email: true, name: true } } as const;
export const delegationInclude = { from: person, to: person } satisfies Prisma.DelegationInclude;
export type DelegationRow = Prisma.DelegationGetPayload<{ include: typeof delegationInclude }>;

export function serializeDelegation(d: DelegationRow, now = new Date()): DelegationDto {
  return DelegationSchema.parse({
    id: d.id,
    object: "delegation",
    from_user: d.from,
    to_user: d.to,
    starts_at: d.startsAt.toISOString(),
    ends_at: d.endsAt.toISOString(),
    active: d.startsAt <= now && now < d.endsAt,
    created_by: d.createdBy,
    created_at: d.createdAt.toISOString(),
  });
}
