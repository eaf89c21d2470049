// Socket.IO rooms carry the call's membership, so it holds across server processes through the adapter.
export const callRoom = (roomId: string) => `${roomId}#call`;
export const sessionRoom = (roomId: string, sessionId: string) => `${roomId}#call#${sessionId}`;
/** Observers the interviewer lets speak. */
export const speakRoom = (roomId: string) => `${roomId}#call#speak`;
/** Interviewer and candidate connections that consented to recording the call. */
export const recordRoom = (roomId: string) => `${roomId}#call#record`;
