#!/usr/bin/env python3
"""Prints an .xlsx file's sheet names and the cells of one sheet as JSON, checking that it is an OOXML zip.

Usage: scripts/xlsx-cells.py FILE [SHEET_NUMBER]   (the tests read workbooks with it: stdlib only)
"""
import json
import re
import sys
import xml.etree.ElementTree as ET
import zipfile

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


def column(reference):
    letters = re.match(r"[A-Z]+", reference).group(0)
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - ord("A") + 1
    return number - 1


def text(element):
    return "".join(t.text or "" for t in element.iter(MAIN + "t"))


def main():
    path = sys.argv[1]
    number = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    with zipfile.ZipFile(path) as book:
        if book.testzip() is not None:
            sys.exit("a member of the zip is corrupt")
        names = book.namelist()
        types = ET.fromstring(book.read("[Content_Types].xml"))
        overrides = {o.get("PartName"): o.get("ContentType") for o in types}
        workbook = ET.fromstring(book.read("xl/workbook.xml"))
        sheets = [s.get("name") for s in workbook.find(MAIN + "sheets")]
        shared = []
        if "xl/sharedStrings.xml" in names:
            shared = [text(si) for si in ET.fromstring(book.read("xl/sharedStrings.xml"))]
        part = f"/xl/worksheets/sheet{number}.xml"
        sheet = ET.fromstring(book.read(part[1:]))
        rows = []
        for row in sheet.iter(MAIN + "row"):
            cells = []
            for cell in row.findall(MAIN + "c"):
                kind = cell.get("t")
                if kind == "inlineStr":
                    value = text(cell)
                elif kind == "s":
                    value = shared[int(cell.find(MAIN + "v").text)]
                else:
                    found = cell.find(MAIN + "v")
                    value = found.text if found is not None else ""
                index = column(cell.get("r"))
                cells += [""] * (index - len(cells))
                cells.append(value)
            rows.append(cells)
        print(json.dumps({"sheets": sheets, "contentType": overrides.get(part), "rows": rows}, ensure_ascii=False))


main()
