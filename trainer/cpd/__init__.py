"""CPD: what counts and for how long (``rules``), the log built from a person's records
(``log``), and what each regulator asks at revalidation (``regulators``). Pure: no Qt,
no store; the service (``trainer.services.cpd``) hands in the records."""
