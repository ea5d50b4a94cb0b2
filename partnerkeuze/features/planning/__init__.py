"""Planning of a call: working days and holidays, the meeting-aware planner, the Gantt in the
sheet and as a picture, the iCalendar export and the reminders."""
