"""Reading report text: sentences, toponyms, dates, numbers, actors and event triggers."""
