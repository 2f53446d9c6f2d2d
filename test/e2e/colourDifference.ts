/**
 * How different two text colours look: the CIEDE2000 colour difference (ΔE00) between two CSS
 * colours. "Distinct" in the highlighting step means a ΔE00 a reader sees at a glance, not merely
 * two different RGB triples (#202020 and #212121 differ, and nobody can tell them apart).
 */

/** Parses the `rgb(r, g, b)` / `rgba(r, g, b, a)` form that getComputedStyle returns. */
export function parseCssRgb(css: string): [number, number, number] {
  const match = /^rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(css.trim());
  if (!match) throw new Error(`not a computed rgb() colour: ${css}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

/** `rgb(163, 21, 21)` → `#a31515`, for messages and tables. */
export function cssRgbToHex(css: string): string {
  return `#${parseCssRgb(css)
    .map((channel) => channel.toString(16).padStart(2, '0'))
    .join('')}`;
}

/** sRGB (0–255) to CIE L*a*b* under D65. */
function toLab([red, green, blue]: [number, number, number]): [number, number, number] {
  const linear = [red, green, blue].map((channel) => {
    const value = channel / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const [r, g, b] = linear;
  const x = (r * 0.4124 + g * 0.3576 + b * 0.1805) / 0.95047;
  const y = r * 0.2126 + g * 0.7152 + b * 0.0722;
  const z = (r * 0.0193 + g * 0.1192 + b * 0.9505) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 / 116) * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** The CIEDE2000 difference of two computed CSS colours (0 = identical; about 2 = just noticeable). */
export function colourDifference(first: string, second: string): number {
  return labDifference(toLab(parseCssRgb(first)), toLab(parseCssRgb(second)));
}

/** CIEDE2000 between two L*a*b* colours (Sharma, Wu and Dalal's formulation). */
export function labDifference(
  [l1, a1, b1]: [number, number, number],
  [l2, a2, b2]: [number, number, number],
): number {
  const radians = Math.PI / 180;
  const chromaMean = (Math.hypot(a1, b1) + Math.hypot(a2, b2)) / 2;
  const g = 0.5 * (1 - Math.sqrt(chromaMean ** 7 / (chromaMean ** 7 + 25 ** 7)));
  const a1Prime = (1 + g) * a1;
  const a2Prime = (1 + g) * a2;
  const c1 = Math.hypot(a1Prime, b1);
  const c2 = Math.hypot(a2Prime, b2);
  const hue = (b: number, a: number) => {
    const degrees = Math.atan2(b, a) / radians;
    return degrees < 0 ? degrees + 360 : degrees;
  };
  const h1 = hue(b1, a1Prime);
  const h2 = hue(b2, a2Prime);
  let hueDelta = 0;
  if (c1 * c2 !== 0) {
    hueDelta = h2 - h1;
    if (hueDelta > 180) hueDelta -= 360;
    else if (hueDelta < -180) hueDelta += 360;
  }
  const bigHueDelta = 2 * Math.sqrt(c1 * c2) * Math.sin((hueDelta / 2) * radians);
  const lightnessMean = (l1 + l2) / 2;
  const chromaPrimeMean = (c1 + c2) / 2;
  let hueMean = h1 + h2;
  if (c1 * c2 !== 0) {
    if (Math.abs(h1 - h2) > 180) hueMean += hueMean < 360 ? 360 : -360;
    hueMean /= 2;
  }
  const t =
    1 -
    0.17 * Math.cos((hueMean - 30) * radians) +
    0.24 * Math.cos(2 * hueMean * radians) +
    0.32 * Math.cos((3 * hueMean + 6) * radians) -
    0.2 * Math.cos((4 * hueMean - 63) * radians);
  const rotation = 30 * Math.exp(-(((hueMean - 275) / 25) ** 2));
  const chromaWeight = 2 * Math.sqrt(chromaPrimeMean ** 7 / (chromaPrimeMean ** 7 + 25 ** 7));
  const lightnessScale =
    1 + (0.015 * (lightnessMean - 50) ** 2) / Math.sqrt(20 + (lightnessMean - 50) ** 2);
  const chromaScale = 1 + 0.045 * chromaPrimeMean;
  const hueScale = 1 + 0.015 * chromaPrimeMean * t;
  const rotationTerm = -Math.sin(2 * rotation * radians) * chromaWeight;
  const dl = (l2 - l1) / lightnessScale;
  const dc = (c2 - c1) / chromaScale;
  const dh = bigHueDelta / hueScale;
  return Math.sqrt(dl ** 2 + dc ** 2 + dh ** 2 + rotationTerm * dc * dh);
}
