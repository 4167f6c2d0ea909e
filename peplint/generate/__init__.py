"""The example-PEP generator: case specs rendered as realistic ePEP exports."""
