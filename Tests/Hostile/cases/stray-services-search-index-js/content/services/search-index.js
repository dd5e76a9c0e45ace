placed by hand
