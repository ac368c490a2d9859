"""Who may do what with the Strategic Plan, agreements, action plans and donor reports.

Asked through core.permissions by selectors, services, views and templates; the roles come
from members.rules.
"""

import rules

from members.rules import is_donor_contact_of, is_focal_point_of, is_secretariat, is_signed_in
from programmes.models import ActionPlan


@rules.predicate
def is_national_plan(user, plan: ActionPlan) -> bool:
    return plan is not None and plan.level == ActionPlan.Level.NATIONAL


@rules.predicate
def is_draft_plan(user, plan: ActionPlan) -> bool:
    return plan is not None and plan.status == ActionPlan.Status.DRAFT


@rules.predicate
def speaks_for_plan_administration(user, plan: ActionPlan) -> bool:
    return plan is not None and is_focal_point_of(user, plan.administration_id)


@rules.predicate
def may_see_plan(user, plan: ActionPlan) -> bool:
    """A plan of a workshop the person may see, or their administration's national plan."""
    from workshops.selectors import visible_workshops

    if plan is None or not is_signed_in(user):
        return False
    if visible_workshops(user=user).filter(pk=plan.workshop_id).exists():
        return True
    return is_national_plan(user, plan) and speaks_for_plan_administration(user, plan)


# The Strategic Plan, its indicators and agreements: read by signed-in people, kept by the
# Secretariat.
rules.add_perm("programmes.view_programmes", is_signed_in)
rules.add_perm("programmes.manage_programmes", is_secretariat)

# Action plans. The Secretariat starts the regional plan, adopts plans and edits every item; a
# focal point starts their administration's national plan (the object is the administration)
# and edits its items while it is a draft; follow-up goes on after adoption.
rules.add_perm("programmes.start_regional_plan", is_secretariat)
rules.add_perm("programmes.start_national_plan", is_secretariat | is_focal_point_of)
rules.add_perm(
    "programmes.edit_action_items",
    is_secretariat | (is_national_plan & is_draft_plan & speaks_for_plan_administration),
)
rules.add_perm(
    "programmes.follow_up_action_items",
    is_secretariat | (is_national_plan & speaks_for_plan_administration),
)
rules.add_perm("programmes.adopt_plan", is_secretariat)
rules.add_perm("programmes.view_plan", is_secretariat | may_see_plan)

# Donor reports of an organisation: its donor contacts and the Secretariat.
rules.add_perm("programmes.see_donor_reports", is_secretariat | is_donor_contact_of)
