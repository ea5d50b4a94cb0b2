"""SDG partnerships (003_1457e92fe5a06ce4.txt): matching Flemish applicants with partners in
Benin and Rwanda, programme checks, planning of work visits and the documents that go out."""
