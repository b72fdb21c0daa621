"""Record kinds in the RecordStore for ratings: a learner's own and an observer's.

Their own module so that code needing only the names (Home asks "is anything
rated yet?") loads nothing else.
"""

SELF_ASSESSMENT = "self_assessment"
OBSERVATION = "observation"
# A branching consultation held to its end ("Your turn", issue 22): evidence for the skills it exercised.
CONSULTATION_ATTEMPT = "consultation_attempt"
