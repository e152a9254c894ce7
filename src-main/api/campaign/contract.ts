import { z } from 'zod'
import { campaignConfigSchema } from '../../core/campaign/preset'
import { defineOps } from '../define'
import { campaignSchema } from '../settings/contract'

export const campaignOps = defineOps({
  'campaign.get': { title: '读取评定活动设置', input: z.object({}).strict(), output: campaignSchema },
  'campaign.save': {
    title: '保存评定活动设置',
    input: z.object({ config: campaignConfigSchema }).strict(),
    output: campaignSchema,
  },
  'campaign.startNext': { title: '开始下一年度', input: z.object({}).strict(), output: campaignSchema },
})
