export { call, isDesktop, runJob, type JobProgress, type RunningJob } from './client'
export { ApiError, errorMessage, fieldErrors, type FieldProblem } from './errors'
export { chooseFiles, downloadUrl, openOutput, revealOutput, toServerFiles, type ServerFile } from './files'
