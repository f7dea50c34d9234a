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
# argv[4], if given, is a title in a row of its own above the header, as officials' sheets have.
offset = 0
if len(sys.argv) > 4 and sys.argv[4]:
    sheet.append([sys.argv[4]])
    offset = 1
sheet.append(header)
number = re.compile(r'^-?(0|[1-9][0-9]{0,11})(\.[0-9]+)?$')
for r, row in enumerate(rows[1:], start=2):
    for c, text in enumerate(row, start=1):
        name = header[c - 1]
        cell = sheet.cell(row=r + offset, column=c)
        if text and (name.endswith('_on') or name == 'deadline') and re.match(r'^\d{4}-\d{2}-\d{2}$', text):
            cell.value = datetime.date.fromisoformat(text)
            cell.number_format = 'yyyy"年"m"月"d"日"'
        elif number.match(text) and name not in ('number', 'household_number', 'village_code', 'resident_id'):
            cell.value = float(text) if '.' in text else int(text)
        else:
            cell.value = text
book.save(target)
