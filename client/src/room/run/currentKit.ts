import type { CodeLanguage, CodingKit, KitLanguage, PublicCodingKit, RoomView } from '@quorum/shared';

/** The coding kit of the question being asked, as far as this person may hold it. */
export function currentKit(view: RoomView | null): { askedId: string; kit: PublicCodingKit | CodingKit } | null {
  if (!view?.currentAskedId) return null;
  const id = view.currentAskedId;
  if (view.role === 'candidate') {
    const asked = view.asked.find((item) => item.askedId === id);
    return asked?.code ? { askedId: id, kit: asked.code } : null;
  }
  const asked = view.asked.find((item) => item.askedId === id);
  return asked?.question.code ? { askedId: id, kit: asked.question.code } : null;
}

/** TypeScript runs the JavaScript tests and starts from the JavaScript starter. */
export function kitLanguage(language: CodeLanguage): KitLanguage | null {
  if (language === 'python') return 'python';
  if (language === 'javascript' || language === 'typescript') return 'javascript';
  return null;
}

export const hasHiddenTests = (kit: PublicCodingKit | CodingKit): kit is CodingKit => 'hiddenTests' in kit;
