"""Writes stand-ins for the office faces: embedded faces renamed.

usage: standin.py FSTYPE OUT|SRC|FAMILY[|SRC|FAMILY...] ...

Each argument writes one file OUT: with one SRC and FAMILY a .ttf, with
several a .ttc collection of one face per pair. Each face is the font SRC with the family, full and
PostScript names FAMILY and OS/2 fsType FSTYPE (0 installable, 2
restricted, 4 print and preview, 8 editable).
"""
import sys

from fontTools.ttLib import TTFont
from fontTools.ttLib.ttCollection import TTCollection


def standin(src, family, fstype):
    f = TTFont(src, lazy=True)
    f["OS/2"].fsType = fstype
    name = f["name"]
    for nid in (1, 2, 3, 4, 6, 16, 17):
        name.removeNames(nameID=nid)
    for nid, val in ((1, family), (2, "Regular"), (3, "stand-in " + family),
                     (4, family), (6, family.replace(" ", ""))):
        name.setName(val, nid, 3, 1, 0x409)
    return f


def main():
    fstype = int(sys.argv[1], 0)
    for arg in sys.argv[2:]:
        out, *pairs = arg.split("|")
        faces = [standin(pairs[i], pairs[i + 1], fstype) for i in range(0, len(pairs), 2)]
        if len(faces) == 1:
            faces[0].save(out)
            continue
        ttc = TTCollection()
        ttc.fonts = faces
        ttc.save(out)


main()
