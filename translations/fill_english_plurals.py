#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 Kengele contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fills the English plural forms in kengele_en.ts from the "(s)" convention of the source texts.

Run after `cmake --build build --target update_translations_en`. Texts whose verb changes with
the number are listed in SPECIAL; anything else turns "word(s)" into "word" / "words".
"""
import re
import sys
import xml.etree.ElementTree as ET

SPECIAL = {
    "%n member(s) receive no messages (opted out)": ("%n member receives no messages (opted out)",
                                                     "%n members receive no messages (opted out)"),
    "%n row(s) were not imported:": ("%n row was not imported:", "%n rows were not imported:"),
    "Delete the group “%1”? Its %n member(s) stay in your contacts.": (
        "Delete the group “%1”? Its %n member stays in your contacts.",
        "Delete the group “%1”? Its %n members stay in your contacts."),
    " (%n more fit in the last part)": (" (%n more fits in the last part)", " (%n more fit in the last part)"),
    "Delete %n contacts? They will also be removed from their groups.": (
        "Delete %n contact? They will also be removed from their groups.",
        "Delete %n contacts? They will also be removed from their groups."),
}


def forms(source):
    if source in SPECIAL:
        return SPECIAL[source]
    # "person(s)" is "person" / "people", not "persons".
    one = re.sub(r"person\(s\)", "person", source)
    many = re.sub(r"person\(s\)", "people", source)
    return re.sub(r"\(s\)", "", one), re.sub(r"\(s\)", "s", many)


def main(path):
    tree = ET.parse(path)
    for message in tree.iter("message"):
        if message.get("numerus") != "yes":
            continue
        source = message.find("source").text
        translation = message.find("translation")
        for child in list(translation):
            translation.remove(child)
        translation.attrib.pop("type", None)
        translation.text = None
        for text in forms(source):
            form = ET.SubElement(translation, "numerusform")
            form.text = text
    tree.write(path, encoding="utf-8", xml_declaration=True)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "translations/kengele_en.ts")
