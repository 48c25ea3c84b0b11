#!/usr/bin/env bash
# Rebuilds the embedded subset fonts of package fonts (see fonts/README.md):
#   NotoSerifSC-Regular.ttf, NotoSerifSC-Bold.ttf, NotoSansSC-Medium.ttf,
#   JixiaoKai-Regular.ttf (LXGW WenKai, renamed), charset.txt, OFL-NotoSC.txt, OFL-LXGWWenKai.txt.
# Sources: npm @expo-google-fonts/noto-{serif,sans}-sc@0.4.3 and the Debian
# packages fonts-lxgw-wenkai, unicode-data and fonttools. The source fonts are
# checked against pinned SHA-256 sums, so a rebuild gives identical files.
set -euo pipefail

NOTO_VERSION=0.4.3
LXGW_TTF=/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf
UNIHAN=/usr/share/unicode/Unihan_OtherMappings.txt.bz2
PY=/usr/bin/python3 # Debian's python3, which has fontTools

declare -A SHA256=(
	[NotoSerifSC_400Regular.ttf]=c358a69de3df5f423a8946a7b03e3126fb6ba116f1130a463455b4e39e1f0742
	[NotoSerifSC_700Bold.ttf]=9c6a2ba736e4b499c84f65ce366bd3625c0401885fd3e585ace50fb738b96ff6
	[NotoSansSC_500Medium.ttf]=b30853d205f3ecdde938b1488c735ee15a2e870d31331b992fdc53971e23ec4a
	[LXGWWenKai-Regular.ttf]=bbf534b0ca093928f94d1782855e65a19a32cde82b075d495d072025521953c8
)

out=$(cd "$(dirname "$0")" && pwd)

missing=()
for pkg in fonttools unicode-data fonts-lxgw-wenkai; do
	dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if ((${#missing[@]})); then
	echo "installing ${missing[*]}" >&2
	apt-get install -y -qq "${missing[@]}" || { apt-get update -qq && apt-get install -y -qq "${missing[@]}"; }
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

(cd "$tmp" && npm pack --silent "@expo-google-fonts/noto-serif-sc@$NOTO_VERSION" "@expo-google-fonts/noto-sans-sc@$NOTO_VERSION" >/dev/null)
mkdir "$tmp/serif" "$tmp/sans"
tar -xzf "$tmp/expo-google-fonts-noto-serif-sc-$NOTO_VERSION.tgz" -C "$tmp/serif"
tar -xzf "$tmp/expo-google-fonts-noto-sans-sc-$NOTO_VERSION.tgz" -C "$tmp/sans"

serif_regular=$tmp/serif/package/400Regular/NotoSerifSC_400Regular.ttf
serif_bold=$tmp/serif/package/700Bold/NotoSerifSC_700Bold.ttf
sans_medium=$tmp/sans/package/500Medium/NotoSansSC_500Medium.ttf

for f in "$serif_regular" "$serif_bold" "$sans_medium" "$LXGW_TTF"; do
	want=${SHA256[$(basename "$f")]}
	got=$(sha256sum "$f" | cut -d' ' -f1)
	if [[ $got != "$want" ]]; then
		echo "build.sh: $f has SHA-256 $got, want $want; the source package changed, review and update the pinned sums" >&2
		exit 1
	fi
done

# charset.txt and the unicodes file for pyftsubset.
"$PY" - "$UNIHAN" "$out/charset.txt" "$tmp/unicodes.txt" "$serif_regular" "$serif_bold" "$sans_medium" <<'EOF'
import bz2, sys, unicodedata
from fontTools.ttLib import TTFont

unihan, charset_path, unicodes_path, *noto = sys.argv[1:]

tgh = set()
with bz2.open(unihan, "rt", encoding="utf-8") as f:
    for line in f:
        fields = line.split("\t")
        if len(fields) >= 2 and fields[1] == "kTGH":
            tgh.add(int(fields[0][2:], 16))
if len(tgh) != 8105:
    sys.exit(f"kTGH has {len(tgh)} characters, want 8105")

def gb2312(rows):
    chars = set()
    for hi in rows:
        for lo in range(0xA1, 0xFF):
            try:
                chars.update(ord(c) for c in bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return chars

gb_hanzi = gb2312(range(0xB0, 0xF8))
gb_symbols = gb2312(range(0xA1, 0xAA))
if len(gb_hanzi) != 6763:
    sys.exit(f"GB2312 has {len(gb_hanzi)} hanzi, want 6763")

# Characters every Noto face must have, the 196 of 通用规范汉字表 beyond the
# Basic Multilingual Plane (CJK Extension B and later) included.
required = tgh | gb_hanzi | gb_symbols | set(range(0x20, 0x7F))

# Blocks taken as far as all three Noto faces cover them.
blocks = [
    (0x00A0, 0x00FF),  # Latin-1 Supplement
    (0x2000, 0x206F),  # General Punctuation
    (0x2070, 0x209F),  # Superscripts and Subscripts
    (0x20A0, 0x20CF),  # Currency Symbols
    (0x2100, 0x214F),  # Letterlike Symbols (℃ №)
    (0x2150, 0x218F),  # Number Forms (Ⅰ Ⅱ)
    (0x2190, 0x21FF),  # Arrows
    (0x2200, 0x22FF),  # Mathematical Operators (≥ ≤ ≠ ≈ ∶)
    (0x2460, 0x24FF),  # Enclosed Alphanumerics (① ⑴ ⒈)
    (0x2500, 0x257F),  # Box Drawing
    (0x2580, 0x259F),  # Block Elements
    (0x25A0, 0x25FF),  # Geometric Shapes
    (0x2600, 0x26FF),  # Miscellaneous Symbols (★ ☆)
    (0x3000, 0x303F),  # CJK Symbols and Punctuation
    (0x3200, 0x32FF),  # Enclosed CJK Letters and Months (㈠)
    (0x3300, 0x33FF),  # CJK Compatibility (㎡ ㎏)
    (0xFF00, 0xFFEF),  # Halfwidth and Fullwidth Forms
]
optional = {c for lo, hi in blocks for c in range(lo, hi + 1)}
optional = {c for c in optional if unicodedata.category(chr(c)) not in ("Cc", "Cs", "Co", "Cn")}

common = None
for path in noto:
    cmap = set(TTFont(path, lazy=True)["cmap"].getBestCmap())
    lacking = required - cmap
    if lacking:
        sys.exit(f"{path} lacks {len(lacking)} required characters: " + "".join(map(chr, sorted(lacking)))[:200])
    common = cmap if common is None else common & cmap

chars = sorted(required | (optional & common))
supplementary = {c for c in chars if c > 0xFFFF}
if not supplementary <= tgh:
    sys.exit("characters beyond the BMP that are not in kTGH: " + "".join(map(chr, sorted(supplementary - tgh))))
with open(charset_path, "w", encoding="utf-8") as f:
    f.write("# Characters of the embedded subset fonts, generated by fonts/build.sh.\n")
    f.write("# 通用规范汉字表 (Unihan kTGH) ∪ GB2312 (hanzi and rows 1-9) ∪ ASCII ∪ the\n")
    f.write("# symbol blocks listed in build.sh as far as Noto Serif SC and Noto Sans SC cover them.\n")
    f.write(f"# {len(supplementary)} of the characters (all kTGH) lie beyond the Basic Multilingual Plane, "
            f"U+{min(supplementary):04X} to U+{max(supplementary):04X}.\n")
    f.write("# One character a line: code point, tab, character.\n")
    for c in chars:
        f.write(f"U+{c:04X}\t{chr(c)}\n")
with open(unicodes_path, "w") as f:
    f.write("\n".join(f"U+{c:04X}" for c in chars) + "\n")
print(f"charset: {len(chars)} characters, {len(tgh | gb_hanzi)} of them hanzi "
      f"({len(tgh)} kTGH of which {len(supplementary)} beyond the BMP, {len(gb_hanzi)} GB2312 hanzi), "
      f"{len(gb_symbols)} GB2312 symbols", file=sys.stderr)
EOF

subset() {
	/usr/bin/pyftsubset "$1" --output-file="$2" --unicodes-file="$tmp/unicodes.txt" \
		--no-hinting --layout-features= --notdef-outline --no-glyph-names \
		--name-IDs='*' --name-languages='*' --name-legacy \
		--drop-tables+=GSUB,GPOS,GDEF,BASE,STAT,vhea,vmtx,VORG,gasp \
		--no-recalc-timestamp
	echo "$(basename "$2"): $(stat -c %s "$2") bytes" >&2
}
subset "$serif_regular" "$out/NotoSerifSC-Regular.ttf"
subset "$serif_bold" "$out/NotoSerifSC-Bold.ttf"
subset "$sans_medium" "$out/NotoSansSC-Medium.ttf"
subset "$LXGW_TTF" "$tmp/kai-subset.ttf"
# A subset is a Modified Version under the OFL, and LXGW WenKai reserves the
# names "霞鹜" and "LXGW": the subset is renamed "Jixiao Kai" (copyright and
# licence records are kept).
/usr/bin/python3 - "$tmp/kai-subset.ttf" "$out/JixiaoKai-Regular.ttf" <<'RENAME'
import sys
from fontTools.ttLib import TTFont
src, dst = sys.argv[1:]
font = TTFont(src, recalcTimestamp=False)  # as pyftsubset --no-recalc-timestamp
names = font["name"]
renamed = {1: "Jixiao Kai", 2: "Regular", 3: "Jixiao Kai Regular (subset of LXGW WenKai)",
           4: "Jixiao Kai Regular", 6: "JixiaoKai-Regular", 16: "Jixiao Kai", 17: "Regular"}
names.names = [n for n in names.names if n.nameID not in renamed]
for name_id, text in renamed.items():
    names.setName(text, name_id, 3, 1, 0x409)
    names.setName(text, name_id, 1, 0, 0)
font.save(dst, reorderTables=True)
RENAME
echo "JixiaoKai-Regular.ttf: $(stat -c %s "$out/JixiaoKai-Regular.ttf") bytes" >&2

# pyftsubset keeps a source's format 12 cmap subtable (platform 3 encoding
# 10) only if the subset has characters beyond the Basic Multilingual Plane;
# check that every font has one mapping them, and that its format 4 subtable
# (platform 3 encoding 1) agrees with it on the BMP.
"$PY" - "$tmp/unicodes.txt" "$out"/{NotoSerifSC-Regular,NotoSerifSC-Bold,NotoSansSC-Medium,JixiaoKai-Regular}.ttf <<'EOF'
import sys
from fontTools.ttLib import TTFont

unicodes_path, *fonts = sys.argv[1:]
beyond = {c for c in (int(line[2:], 16) for line in open(unicodes_path)) if c > 0xFFFF}
for path in fonts:
    cmap = TTFont(path, lazy=True)["cmap"]
    bmp, full = cmap.getcmap(3, 1), cmap.getcmap(3, 10)
    if bmp is None or bmp.format != 4 or full is None or full.format != 12:
        sys.exit(f"{path}: no format 4 (3, 1) and format 12 (3, 10) cmap subtables")
    if lacking := beyond - set(full.cmap):
        sys.exit(f"{path}: format 12 cmap lacks " + "".join(map(chr, sorted(lacking))))
    if {c: g for c, g in full.cmap.items() if c <= 0xFFFF} != bmp.cmap:
        sys.exit(f"{path}: format 4 and format 12 cmaps differ on the BMP")
EOF

# Licence files: the copyright notices from the fonts' name tables, then the
# OFL 1.1 text (from the Noto Sans SC npm package and from Debian's copyright
# file of fonts-lxgw-wenkai respectively).
"$PY" - "$out" "$serif_regular" "$sans_medium" "$tmp/sans/package/LICENSE_FONT" \
	"$LXGW_TTF" /usr/share/doc/fonts-lxgw-wenkai/copyright <<'EOF'
import sys
from fontTools.ttLib import TTFont

out, serif, sans, noto_licence, lxgw, lxgw_copyright = sys.argv[1:]

def notice(path):
    name = TTFont(path, lazy=True)["name"]
    return f"{name.getDebugName(4)}: {name.getDebugName(0)}"

def ofl_from_debian(path):
    # The licence text is the indented paragraph of the stand-alone
    # "License: OFL-1.1" stanza; "." lines are blank lines.
    lines, inside = [], False
    for line in open(path, encoding="utf-8").read().splitlines():
        if line == "License: OFL-1.1":
            lines, inside = [], True
        elif inside and line.startswith(" "):
            lines.append("" if line == " ." else line[1:])
        elif inside:
            if lines:
                break
            inside = False
    while lines and not lines[-1]:
        lines.pop()
    if "SIL OPEN FONT LICENSE Version 1.1" not in "\n".join(lines[:3]):
        sys.exit(f"no OFL 1.1 text found in {path}")
    return "\n".join(lines) + "\n"

body = open(noto_licence, encoding="utf-8").read().split("\n", 1)[1].lstrip("\n")
with open(f"{out}/OFL-NotoSC.txt", "w", encoding="utf-8") as f:
    f.write(notice(serif) + "\n" + notice(sans) + "\n\n" + body)

with open(f"{out}/OFL-LXGWWenKai.txt", "w", encoding="utf-8") as f:
    f.write(notice(lxgw) + '\nWith Reserved Font Names "霞鹜" and "LXGW".\n\n'
            "This Font Software is licensed under the SIL Open Font License, Version 1.1.\n\n"
            + ofl_from_debian(lxgw_copyright))
EOF
