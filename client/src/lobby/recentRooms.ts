import type { CreateRoomResponse, Track } from '@quorum/shared';

/** A room created on this device, kept so its interviewer can find the links again. */
export interface RecentRoom extends CreateRoomResponse {
  title: string;
  track: Track;
  createdAt: number;
}

const KEY = 'quorum:recent-rooms';
const LIMIT = 10;

export function loadRecentRooms(): RecentRoom[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? (parsed as RecentRoom[]).filter((room) => typeof room?.roomId === 'string') : [];
  } catch {
    return [];
  }
}

export function rememberRoom(room: RecentRoom): void {
  const others = loadRecentRooms().filter((known) => known.roomId !== room.roomId);
  saveRecentRooms([room, ...others].slice(0, LIMIT));
}

export function forgetRoom(roomId: string): RecentRoom[] {
  const rest = loadRecentRooms().filter((known) => known.roomId !== roomId);
  saveRecentRooms(rest);
  return rest;
}

/** Keeps a room's place in the list, e.g. when one of its links was reissued. */
export function updateRecentRoom(roomId: string, change: Partial<RecentRoom>): RecentRoom | undefined {
  const rooms = loadRecentRooms().map((room) => (room.roomId === roomId ? { ...room, ...change } : room));
  saveRecentRooms(rooms);
  return rooms.find((room) => room.roomId === roomId);
}

export function findRecentRoom(roomId: string): RecentRoom | undefined {
  return loadRecentRooms().find((room) => room.roomId === roomId);
}

function saveRecentRooms(rooms: RecentRoom[]): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(rooms));
  } catch {
    // storage full or disabled: the links are still on screen, only the shortcut is lost
  }
}
