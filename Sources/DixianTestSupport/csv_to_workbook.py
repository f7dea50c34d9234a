# Writes the CSV file argv[1] as an XLSX workbook at argv[2] the way an official's spreadsheet
# holds it (OpenPyXL.workbook(fromCSV:to:)); argv[3] == '1904' counts its dates from 1904, as
# Excel for Mac's old workbooks do.
import csv, datetime, re, sys, openpyxl
source, target = sys.argv[1], sys.argv[2]
book = openpyxl.Workbook()
if len(sys.argv) > 3 and sys.argv[3] == '1904':
    from openpyxl.utils.datetime import CALENDAR_MAC_1904
    book.epoch = CALENDAR_MAC_1904
sheet = book.active
with open(source, encoding='utf-8-sig', newline='') as f:
    rows = list(csv.reader(f))
header = rows[0]
sheet.append(header)
number = re.compile(r'^-?(0|[1-9][0-9]{0,11})(\.[0-9]+)?$')
for r, row in enumerate(rows[1:], start=2):
    for c, text in enumerate(row, start=1):
        name = header[c - 1]
        cell = sheet.cell(row=r, column=c)
        if text and (name.endswith('_on') or name == 'deadline') and re.match(r'^\d{4}-\d{2}-\d{2}$', text):
            cell.value = datetime.date.fromisoformat(text)
            cell.number_format = 'yyyy"年"m"月"d"日"'
        elif number.match(text) and name not in ('number', 'household_number', 'village_code', 'resident_id'):
            cell.value = float(text) if '.' in text else int(text)
        else:
            cell.value = text
book.save(target)
