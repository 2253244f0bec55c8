// The lines of routes/matching.ts (see ../endpoint-paths.ts).
export const runMatching = 'POST /programmes/:programmeId/matching/runs';
export const getMatching = 'GET /programmes/:programmeId/matching';
export const lockProposal = 'PUT /programmes/:programmeId/matching/proposals/:proposalId/lock';
export const rejectProposal = 'POST /programmes/:programmeId/matching/proposals/:proposalId/reject';
export const swapProposals = 'POST /programmes/:programmeId/matching/swap';
export const exportMatchingInput = 'GET /programmes/:programmeId/matching/input';
export const confirmProposals = 'POST /programmes/:programmeId/matching/confirm';
export const pairByHand = 'POST /programmes/:programmeId/matching/pairs';
export const changeMentorCapacity =
  'PUT /programmes/:programmeId/matching/mentors/:personId/capacity';
