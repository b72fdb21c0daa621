"""The main window and what joins the sections together: menus, help, wiring."""
