import type { FastifyPluginAsync } from 'fastify'

export interface TimePluginOptions {
  now: () => Date
}

/** Server time, so every client shows the same remaining time on the shared timer whatever its clock. */
export const timePlugin: FastifyPluginAsync<TimePluginOptions> = async (app, { now }) => {
  app.get('/api/time', async (): Promise<{ now: number }> => ({ now: now().getTime() }))
}
