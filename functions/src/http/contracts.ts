import { z } from 'zod';

/**
 * Request and response contracts shared by the functions and the tab. Every input is parsed by one
 * of these schemas before a handler runs; the tab imports the same types.
 */

export const MeSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  name: z.string(),
  username: z.string(),
  roles: z.array(z.string()),
  isAdmin: z.boolean(),
  isAdvisor: z.boolean(),
});
export type Me = z.infer<typeof MeSchema>;

export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  detail: z.string().optional(),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ProblemBody = z.infer<typeof ProblemSchema>;
