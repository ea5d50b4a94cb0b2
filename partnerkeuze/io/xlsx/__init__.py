"""The file side of the workbook: building it from the layout, reading and patching with openpyxl."""
