"""Translates a SAM template (JSON, argv[1]) to plain CloudFormation with AWS's SAM translator
(the aws-sam-translator package that cfn-lint and the SAM CLI use) and prints it as JSON.

Run by SamTemplateTest; offline: the managed-policy loader is empty (Laconic's templates name
no managed policy) and the region comes from AWS_DEFAULT_REGION.
"""
import json
import sys

from samtranslator.public.exceptions import InvalidDocumentException
from samtranslator.translator.transform import transform


class NoManagedPolicies:
    def load(self):
        return {}


def main():
    with open(sys.argv[1], encoding="utf-8") as source:
        template = json.load(source)
    try:
        translated = transform(template, {}, NoManagedPolicies())
    except InvalidDocumentException as e:
        for cause in e.causes:
            print(cause.message, file=sys.stderr)
        sys.exit(2)
    json.dump(translated, sys.stdout, indent=2, sort_keys=True)
    print()


if __name__ == "__main__":
    main()
