#!/usr/bin/env python3
"""contrast.py [site.css] -- contrast ratios of the theme's colour pairs, light and dark mode.

Reads the custom properties of `:root` (light) and of `:root` inside
`@media (prefers-color-scheme: dark)` (dark, on top of light) from Templates/assets/site.css,
and checks every pair the theme puts together against WCAG 2.1: text ≥ 4.5:1 (1.4.3),
focus rings and other non-text ≥ 3:1 (1.4.11). Prints a table; exit 1 when a pair fails.
"""
import re
import sys
from pathlib import Path

# (foreground, background, minimum, where the pair is used)
PAIRS = [
    ("text", "bg", 4.5, "body text"),
    ("text", "surface", 4.5, "text on grey panels (hero, facts, footer)"),
    ("text", "surface-strong", 4.5, "project codes, past date tiles"),
    ("muted", "bg", 4.5, "secondary text"),
    ("muted", "surface", 4.5, "secondary text on panels"),
    ("muted", "surface-strong", 4.5, "secondary text on strong panels"),
    ("link", "bg", 4.5, "links"),
    ("link", "surface", 4.5, "links on panels"),
    ("link", "surface-strong", 4.5, "links on strong panels"),
    ("link-visited", "bg", 4.5, "visited links"),
    ("link-visited", "surface", 4.5, "visited links on panels"),
    ("on-brand", "brand", 4.5, "buttons, date tiles, current page number, skip link"),
    ("on-brand", "brand-strong", 4.5, "buttons on hover"),
    ("on-nav", "nav-bg", 4.5, "main navigation"),
    ("on-nav", "nav-strong", 4.5, "main navigation, current and hover"),
    ("notice-text", "notice", 4.5, "notices, search highlights"),
    ("on-label", "label", 4.5, "draft and status labels"),
    ("status-idee", "bg", 4.5, "project status Idee"),
    ("status-planung", "bg", 4.5, "project status Planung"),
    ("status-umsetzung", "bg", 4.5, "project status Umsetzung"),
    ("status-abgeschlossen", "bg", 4.5, "project status Abgeschlossen"),
    ("status-laufend", "bg", 4.5, "participation status Läuft"),
    ("status-geplant", "bg", 4.5, "participation status Geplant"),
    ("status-abgesagt", "bg", 4.5, "participation status Abgesagt"),
] + [
    ("on-hf", f"hf-{i}", 4.5, f"field badge and icon tile {i}") for i in range(1, 13)
] + [
    ("focus", "bg", 3.0, "focus ring"),
    ("focus", "surface", 3.0, "focus ring on panels"),
    ("focus", "surface-strong", 3.0, "focus ring on strong panels"),
    ("focus-on-nav", "nav-bg", 3.0, "focus ring in the main navigation"),
    ("focus-on-nav", "nav-strong", 3.0, "focus ring on the current navigation item"),
    ("brand", "bg", 3.0, "icons next to text, panel edges"),
    ("on-nav", "nav-strong", 3.0, "underline of the current navigation item"),
]


def luminance(hex_colour: str) -> float:
    h = hex_colour.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    channels = [int(h[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def ratio(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def block_after(css: str, start: int) -> str:
    """The text between the `{` at or after `start` and its matching `}`."""
    i = css.index("{", start)
    depth = 0
    for j in range(i, len(css)):
        if css[j] == "{":
            depth += 1
        elif css[j] == "}":
            depth -= 1
            if depth == 0:
                return css[i + 1:j]
    raise ValueError("unbalanced braces")


def variables(block: str) -> dict:
    return {m.group(1): m.group(2).lower() for m in re.finditer(r"--([\w-]+)\s*:\s*(#[0-9a-fA-F]{3,6})\b", block)}


def schemes(css: str) -> dict:
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    light = variables(block_after(css, css.index(":root")))
    m = re.search(r"@media\s*\(\s*prefers-color-scheme\s*:\s*dark\s*\)", css)
    if not m:
        raise SystemExit("contrast: no dark colour scheme in the stylesheet")
    dark_media = block_after(css, m.start())
    dark = dict(light)
    dark.update(variables(block_after(dark_media, dark_media.index(":root"))))
    return {"light": light, "dark": dark}


def main() -> int:
    default = Path(__file__).resolve().parents[2] / "Templates" / "assets" / "site.css"
    css_path = Path(sys.argv[1]) if len(sys.argv) > 1 else default
    modes = schemes(css_path.read_text(encoding="utf-8"))
    failures = 0
    print(f"{'pair':44s} {'min':>4s} {'light':>7s} {'dark':>7s}  use")
    for fg, bg, minimum, use in PAIRS:
        cells = []
        for name in ("light", "dark"):
            v = modes[name]
            if fg not in v or bg not in v:
                cells.append("  n/a ")
                failures += 1
                continue
            r = ratio(v[fg], v[bg])
            ok = r >= minimum
            failures += 0 if ok else 1
            cells.append(f"{r:6.2f}{' ' if ok else '!'}")
        print(f"{fg + ' on ' + bg:44s} {minimum:4.1f} {cells[0]:>7s} {cells[1]:>7s}  {use}")
    print(f"contrast: {len(PAIRS) * 2 - failures} passed, {failures} failed ({css_path})")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
