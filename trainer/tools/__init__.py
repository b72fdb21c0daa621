"""Developer and admin commands above the services: demo data, doctor.

Nothing here is imported by the services or anything below them."""
