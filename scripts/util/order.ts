// The one ordering helper. Everything the generator emits in a sequence is
// sorted through here, by UTF-16 code units (never by locale), so the same
// spec gives the same bytes on any machine.

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function sortBy<T>(items: Iterable<T>, key: (item: T) => string | readonly string[]): T[] {
  return [...items].sort((x, y) => {
    const kx = key(x);
    const ky = key(y);
    if (typeof kx === 'string' || typeof ky === 'string') return compareText(String(kx), String(ky));
    for (let i = 0; i < Math.max(kx.length, ky.length); i++) {
      const c = compareText(kx[i] ?? '', ky[i] ?? '');
      if (c !== 0) return c;
    }
    return 0;
  });
}

export function sortedKeys(obj: object): string[] {
  return Object.keys(obj).sort(compareText);
}
