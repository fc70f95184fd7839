#!/usr/bin/env python3
"""Turn GLEIF LEI-CDF 2.1 XML records into rows of the GLEIF golden-copy CSV (the columns keten
reads, named as in the golden copy: the XML paths joined by dots).  Field for field, no value
changed.  Usage: python3 xml_to_csv.py IN.xml > OUT.csv"""
import csv
import sys
import xml.etree.ElementTree as ET

NS = {"lei": "http://www.gleif.org/data/schema/leidata/2016"}
COLS = [("LEI", "lei:LEI"), ("Entity.LegalName", "lei:Entity/lei:LegalName"),
        ("Entity.LegalAddress.Country", "lei:Entity/lei:LegalAddress/lei:Country"),
        ("Entity.HeadquartersAddress.Country", "lei:Entity/lei:HeadquartersAddress/lei:Country"),
        ("Entity.LegalJurisdiction", "lei:Entity/lei:LegalJurisdiction"),
        ("Entity.EntityStatus", "lei:Entity/lei:EntityStatus"),
        ("Registration.RegistrationStatus", "lei:Registration/lei:RegistrationStatus")]

out = csv.writer(sys.stdout, quoting=csv.QUOTE_ALL, lineterminator="\n")
out.writerow([c for c, _ in COLS])
for rec in ET.parse(sys.argv[1]).getroot().iterfind("lei:LEIRecords/lei:LEIRecord", NS):
    out.writerow([(rec.findtext(p, "", NS) or "") for _, p in COLS])
