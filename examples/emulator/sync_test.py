"""A sync test against the LinkedIn emulator in plain HTTP (Python standard library only).

It stands for a partner's own sync code: it syncs a candidate, an application and its stages the way
LinkedIn's Recruiter System Connect pages describe, and checks LinkedIn's per-record answers.
LINKEDIN_BASE_URL is the emulator's base URL (https://api.linkedin.com in production).
"""
import json
import os
import urllib.parse
import urllib.request

BASE = os.environ["LINKEDIN_BASE_URL"]
ORG = "urn:li:organization:1000"  # the emulator's seeded customer organization


def token():
    form = urllib.parse.urlencode({"grant_type": "client_credentials", "client_id": "emulator-child",
                                   "client_secret": "emulator-child-secret"}).encode()
    with urllib.request.urlopen(BASE + "/oauth/v2/accessToken", form) as r:
        return json.load(r)["access_token"]


def batch_update(tok, path_and_query, entities):
    req = urllib.request.Request(BASE + path_and_query, method="PUT",
                                 data=json.dumps({"entities": entities}).encode(),
                                 headers={"Authorization": "Bearer " + tok, "X-RestLi-Method": "batch_update",
                                          "Content-Type": "application/json"})
    with urllib.request.urlopen(req) as r:
        return json.load(r)


def ids(part, values):
    """Protocol 1.0 compound keys, as LinkedIn's sync pages write them: ids[0].x=…&ids[0].y=…"""
    q = []
    for i, v in enumerate(values):
        q += [f"ids[{i}].{part}={v}", f"ids[{i}].dataProvider=ATS",
              f"ids[{i}].integrationContext={urllib.parse.quote(ORG, safe='')}"]
    return "&".join(q)


def key(part, value):
    return f"{part}={value}&dataProvider=ATS&integrationContext={urllib.parse.quote(ORG, safe='')}"


def main():
    tok = token()
    now = 1767225600000  # epoch milliseconds, never seconds
    candidate = {"atsCreatedAt": now, "atsLastModifiedAt": now, "firstName": "Ada", "lastName": "Lovelace",
                 "emailAddresses": ["ada@example.org"], "externalProfileUrl": "https://ats.example.com/c/c1"}

    # A record LinkedIn refuses comes back as a per-key 422 naming the field; the rest of the batch applies.
    bad = {k: v for k, v in candidate.items() if k != "firstName"}
    answer = batch_update(tok, "/v2/atsCandidates?" + ids("atsCandidateId", ["c1", "c2"]),
                          {key("atsCandidateId", "c1"): candidate, key("atsCandidateId", "c2"): bad})
    assert len(answer["results"]) == 1, answer
    error = next(iter(answer["errors"].values()))
    assert error["status"] == 422 and "ERROR :: /firstName :: field is required" in error["message"], answer
    # That refusal was on purpose: clear the audit so that the CI gate counts only what the sync does.
    urllib.request.urlopen(urllib.request.Request(BASE + "/emulator/audit", method="DELETE")).close()

    application = {"atsCandidateId": "c1", "atsCreatedAt": now, "atsLastModifiedAt": now,
                   "atsJobPostingId": "job-1", "atsJobPostingName": "Engineer", "candidateEmail": "ada@example.org",
                   "firstName": "Ada", "lastName": "Lovelace", "source": "Referral"}
    answer = batch_update(tok, "/v2/atsApplications?" + ids("atsJobApplicationId", ["a1"]),
                          {key("atsJobApplicationId", "a1"): application})
    assert not answer["errors"], answer

    # Stages live under their application, sent after it.
    stages = {"s1": {"atsCreatedAt": now, "stage": "Phone Screen"}, "s2": {"atsCreatedAt": now + 1, "stage": "Hired"}}
    answer = batch_update(tok, "/v2/atsApplications/" + key("atsJobApplicationId", "a1") + "/stages?ids=s1&ids=s2",
                          stages)
    assert not answer["errors"] and len(answer["results"]) == 2, answer
    print("sync test passed")


if __name__ == "__main__":
    main()
