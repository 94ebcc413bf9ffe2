"""The seed content the data migrations load."""
