"""Pure projections of a Dataset: what each site may show."""
