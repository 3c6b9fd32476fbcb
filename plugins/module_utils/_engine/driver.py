# -*- coding: utf-8 -*-

# Copyright: Contributors to the awscx.customerprofiles project
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)

"""The resource engine: one contract every module implements and one driver that runs it.

A resource declares:

- ``argument_spec`` (and ``module_kwargs`` such as ``mutually_exclusive``), ``result_key``, ``verbatim_keys``;
- ``validate()``: the option trees to check against the service model, as
  ``(operation, options, prefix)`` triples from ``model_inputs``, plus hand-written
  messages from ``extra_checks`` for what the model cannot say;
- ``read()``: the current resource or None, or a Current carrying it and the facts the plan needs;
- ``plan(current)``: pure (no call, no check mode, nothing kept on ``self``): a Plan of the write
  calls to make, the predicted result and named fields for the driver, result() and diff();
  by default dispatched to ``plan_absent`` / ``plan_create`` / ``plan_update``;
- ``apply(plan)``'s hooks: ``answered_by``, ``outcome_from``, ``explain``, ``read_back`` (the
  default apply makes ``plan.calls`` in order; only bulk modules override it);
- ``describe(result)``: the module-form result, under ``result_key``.
- ``invocation()``: the ``invocation`` the module returns, or None for ansible-core's own (every option echoed
  in ``module_args``).

The driver, run(), owns the flow: input shape and model validation before any call,
read, plan, warnings, check mode (the prediction) or apply, and a single exit with ``diff`` in
diff mode. Helpers return values or raise; only the driver exits. A failure after a
write reports ``changed: true``. A resource inside a domain derives from
domain_child.DomainChild, which plans its create, update, replace and delete from declarations.

An info module is a Lister: ``get_one(params)`` or ``list_all(params)`` (every page),
each item described; run_info() is its driver.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import copy

from ansible.module_utils.basic import _load_params

from ansible_collections.amazon.aws.plugins.module_utils.exceptions import is_ansible_aws_error_code

from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.core import CustomerProfilesError
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.core import CustomerProfilesErrorHandler
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.core import CustomerProfilesModule
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.core import applied
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.core import describe_error
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.model import check_request
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.model import use_service_model
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.transform import TAGS
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.validation import input_shape_errors
from ansible_collections.awscx.customerprofiles.plugins.module_utils._engine.validation import tolerant_spec


def as_written(message, argument_spec, written):
    """``message`` with a leading option name replaced by the alias the user wrote (``name`` for ``domain_name``);
    ``written``: the option names and aliases the user wrote."""
    for name, spec in argument_spec.items():
        alias = next((alias for alias in spec.get("aliases", []) if alias in written and name not in written), None)
        size = len(name)
        rest = message[size:]
        if alias and message.startswith(name) and rest[:1] in (" ", ".", "["):
            return alias + rest
    return message


class PlanError(Exception):
    """A reason the desired state cannot be reached, found before a write (or between writes).

    ``details`` are extra result keys (never field values).
    """

    def __init__(self, message, **details):
        super(PlanError, self).__init__(message)
        self.message = message
        self.details = details


def bad_request_message(error):
    """The service's message when ``error`` is a BadRequestException (the service refused the request), else None."""
    if not isinstance(error, is_ansible_aws_error_code("BadRequestException", error)):
        return None
    return error.exception.response.get("Error", {}).get("Message", "")


def refusal_explained(reason, message, **details):
    """The PlanError of a BadRequestException that ``reason`` explains (what the service's ``message`` leaves out),
    with that message; ``details``, extra result keys."""
    return PlanError(
        "{0} Service message: {1} (BadRequestException)".format(reason, message),
        error=dict(code="BadRequestException", message=message),
        **details,
    )


def check_replaceable(kind, name, options, recreate):
    """Where the service cannot update members: fail naming ``options`` (the differing ones), unless ``recreate``.

    Returns True when the resource is to be deleted and created again (``options`` differ and
    ``recreate`` is set), False when nothing needs replacing.
    """
    if not options:
        return False
    if not recreate:
        raise PlanError(
            "{0} {1}: the service cannot update {2}; nothing was changed. Set recreate=true to delete it and create it "
            "again (what the service computed for it starts over).".format(kind, name, ", ".join(options)),
            immutable_options=list(options),
        )
    return True


class Call:
    """One API call of a plan: the client method (snake_case), its request and what it does, in words."""

    def __init__(self, method, request, action):
        self.method = method
        self.request = request
        self.action = action

    def __repr__(self):
        return "Call({0!r})".format(self.method)


class Record:
    """Named fields with their defaults (``FIELDS``); a name that is not one of them is a TypeError."""

    FIELDS = {}

    def __init__(self, **values):
        unknown = sorted(set(values) - set(self.FIELDS))
        if unknown:
            raise TypeError("{0} has no field {1}".format(type(self).__name__, ", ".join(unknown)))
        for name, default in self.FIELDS.items():
            setattr(self, name, values.get(name, default))


class Current(Record):
    """What read() found: ``resource``, the API resource (None when it does not exist), and the facts the plan
    needs besides. read() may return the API resource alone: the driver wraps it.

    The facts, None when not read: ``contents`` (what a domain holds, a DomainContents), ``dependents`` (what
    names the resource, kind -> names), ``domain_object_count`` (the domain's profile objects), ``missing`` (the
    error that found the domain missing: in check mode the same run may create it first), ``keep`` (what of a plan
    per item the run will read, for a resource of many items that holds only that: ``"calls"`` when the writes are
    sent, not in check mode, and ``"predictions"`` when diff() shows them, in diff mode; the plan is the same
    otherwise, and whether to apply stays the driver's decision).
    """

    FIELDS = dict(resource=None, contents=None, dependents=None, domain_object_count=None, missing=None, keep=None)

    def __init__(self, resource=None, **facts):
        super(Current, self).__init__(resource=resource, **facts)


class Plan(Record):
    """What a run would do: ``calls``, the write calls in order, and ``after``, the predicted result (module form
    or API form, as the resource's describe() takes it). ``changed`` defaults to "there are calls".

    The other fields are what the driver, result(), diff() and apply() need besides (None when unused):

    - ``warnings``: what the user must know (the driver warns with each, in check mode too);
    - ``diff_header``: the diff's ``after_header`` (what a delete takes with it);
    - ``blocked``: an error that stops the apply before any write; check mode predicts all the same (the
      same run may first create what is missing);
    - ``failure``: the error a run that writes nothing ends with (check mode, or no call to make): the items
      of a bulk module that fail; when there are writes to make, apply makes them and reports the failure after;
    - ``before``: the resource as read, where apply needs it (to explain a refusal), or the module-form before;
    - ``contents``, ``dependents``, ``domain_object_count``: what a delete takes with it, returned;
    - ``replaced``: the plan deletes the resource and creates it again (``recreated`` in the result);
    - ``entries`` and ``call_items``: a bulk module's items as read, and the item indexes each call writes.
    """

    FIELDS = dict(calls=(), after=None, changed=None, warnings=(), diff_header=None, blocked=None, before=None)
    FIELDS.update(contents=None, dependents=None, domain_object_count=None, replaced=False)
    FIELDS.update(entries=None, call_items=None, failure=None)

    def __init__(self, calls=(), after=None, **fields):
        super(Plan, self).__init__(calls=list(calls), after=after, **fields)
        self.changed = bool(self.calls) if self.changed is None else self.changed
        self.warnings = [warning for warning in self.warnings if warning]


class Contract:
    """What resources and listers share: the spec, the module object, the client, and validation."""

    argument_spec = {}
    module_kwargs = {}
    # A function of the validated options (the module's params) that makes them smaller in place, with the same
    # meaning (customerprofiles_profiles: each item without the options ansible-core filled in with None), or
    # None. It runs once, before ansible-core logs the invocation or else right after the module object is built:
    # ansible-core's copy of a long list then goes before anything else is held beside it (core.ParsedOnceModule).
    compact_params = None
    result_key = None
    verbatim_keys = TAGS  # the API members whose map keys are data (kept as written): see transform.py
    # option path -> model member, where the member is not the option in CamelCase (``...min_provisioned_tps`` is
    # ``MinProvisionedTPS``): model.check_request's ``renames``
    model_renames = {}
    # What the same task manages besides this resource (kind -> names; customerprofiles_domain_config sets it,
    # and "data_store" -> {"enabled"} when its domain enables the data store): a create that needs one of them
    # (an event trigger its object type) does not read it, since the task makes it first, in dependency order.
    alongside = {}

    def __init__(self, module, client):
        self.module = module
        self.client = client
        self.params = module.params
        self.writes = 0

    def managed_alongside(self, kind, name):
        """True when the same task manages the resource ``name`` of ``kind`` (``object_types``, ...) too."""
        return name in self.alongside.get(kind, ())

    # validation ---------------------------------------------------------------------
    def model_inputs(self):
        """``(operation, options, prefix)`` triples: option trees to check against the model."""
        return []

    def extra_checks(self):
        """Hand-written messages for what the model cannot say (cross-option rules, identity)."""
        return []

    def invocation(self):
        """The ``invocation`` the module returns; None: ansible-core's own (``module_args``: every option)."""
        return None

    def validate(self):
        errors = []
        for operation, options, prefix in self.model_inputs():
            errors.extend(check_request(operation, options, prefix, self.model_renames))
        errors.extend(self.extra_checks())
        return errors


class Resource(Contract):
    """The contract of a managed resource; subclasses fill it in (see the module docstring)."""

    # the flow -----------------------------------------------------------------------
    def read(self):
        """The API resource (None when it does not exist), or a Current carrying it and the facts the plan needs."""
        raise NotImplementedError

    def plan(self, current):
        """Pure: the Plan from the options and ``current`` (a Current), no call made, nothing kept on ``self``.
        By default, by state and existence: plan_absent, plan_create or plan_update, each given ``current`` as
        ``found`` (an override reads ``found.resource`` and the facts beside it, and never rebinds ``found``)."""
        if self.params.get("state") == "absent":
            return self.plan_absent(current)
        if current.resource is None:
            return self.plan_create(current)
        return self.plan_update(current)

    def plan_absent(self, found):
        raise NotImplementedError

    def plan_create(self, found):
        raise NotImplementedError

    def plan_update(self, found):
        raise NotImplementedError

    # what a write needs ----------------------------------------------------------------
    def missing(self, kind, name, reads_one):
        """Whether resource ``name`` of ``kind`` is missing: the same task does not make it first (managed_alongside)
        and ``reads_one`` (a kind's get function: client, domain name, name) does not find it."""
        if self.managed_alongside(kind, name):
            return False
        return reads_one(self.client, self.params["domain_name"], name) is None

    def require(self, option, kind, name, reads_one):
        """Before a write that needs resource ``name`` of ``kind`` (its key in the domain document, such as
        ``object_types``), named by ``option``: the service would refuse the write, after check mode predicted it,
        so read it (``reads_one``, as a kind's get function) and fail naming it when it does not exist. One that the
        same task makes first (managed_alongside) is not read."""
        domain_name = self.params["domain_name"]
        if not self.missing(kind, name, reads_one):
            return
        singular = kind[: -len("s")]
        raise PlanError(
            "{0}: {1} {2} does not exist in domain {3}; create it first (awscx.customerprofiles.customerprofiles_{4}). "
            "Nothing was changed.".format(option, singular.replace("_", " "), name, domain_name, singular)
        )

    def call(self, call, method=None):
        """Make one write call (retried); counts it, so that a later failure reports changed. A call that failed
        but was applied all the same (its answer was incomplete) counts too. ``method`` makes the call instead of
        the client method ``call.method`` (a create that is never retried blindly, for one)."""
        try:
            response = self.wrapped(call.action, method or getattr(self.client, call.method), **call.request)
        except CustomerProfilesError as e:
            if applied(e):
                self.count_write()
            raise
        self.count_write()
        return response

    def count_write(self):
        self.writes += 1

    @staticmethod
    def wrapped(action, method, **request):
        """``method(**request)`` retried; botocore errors become CustomerProfilesError naming ``action``."""

        @CustomerProfilesErrorHandler.common_error_handler(action)
        def make_call():
            return method(aws_retry=True, **request)

        response = dict(make_call() or {})
        response.pop("ResponseMetadata", None)
        return response

    def apply(self, plan):
        """Make ``plan.calls`` in order; the outcome is the prediction (``plan.after``) brought up to date by each
        call's answer (outcome_from). A call that fails goes to explain() first; read_back() has the last word.
        A resource fills in these hooks; only a bulk module, whose items are applied concurrently, overrides apply.
        """
        outcome = copy.deepcopy(plan.after)
        for call in plan.calls:
            try:
                response = self.call(call)
            except CustomerProfilesError as error:
                self.explain(call, error, plan)
                raise
            outcome = self.outcome_from(call, response, outcome)
        return self.read_back(plan, outcome)

    # the hooks of apply ------------------------------------------------------------------
    answered_by = ()  # the client methods whose answer is the resource (a put, a create or update that returns it)

    def outcome_from(self, call, response, outcome):
        """The outcome once ``call`` answered ``response``. By default the prediction stands, except after a call of
        ``answered_by``: its answer replaces the prediction, with the tags planned kept (the tags change through
        the tag calls, and a put never changes those of an existing resource)."""
        if call.method not in self.answered_by:
            return outcome
        tags = outcome.get("Tags")
        outcome = response
        outcome["Tags"] = dict(tags or {})
        return outcome

    def explain(self, call, error, plan):
        """``call`` failed with ``error``: raise a PlanError that says more than the service's message (which
        resource is in the way, which quota is reached), or return to let the error through as it is."""

    def read_back(self, plan, outcome):
        """The outcome once every call is made; by default ``outcome``. A resource whose create answers without
        the resource itself reads it back here."""
        return outcome

    def describe(self, result):
        return result

    def result(self, plan, outcome):
        """The module's return values (besides changed and diff)."""
        return {self.result_key: self.describe(outcome)}

    def diff(self, current, plan, outcome):
        """Before (``current``, a Current) and after, described; the plan's ``diff_header`` as ``after_header``."""
        diff = dict(before=self.describe(current.resource), after=self.describe(outcome))
        if plan.diff_header:
            diff["after_header"] = plan.diff_header
        return diff


def _module(spec, shape_errors, parsed, compact=None, **kwargs):
    """The module object, given the arguments as ``parsed`` by options_as_written(); input whose shape ansible-core
    would mangle, or that is not one of an option's choices (``shape_errors``: input_shape_errors() of ``parsed``),
    is reported by option name.

    ansible-core then never sees a value outside ``choices`` (its message would repeat the value), and
    the values of the options reported are masked in the failure's ``invocation`` too.
    """
    errors, paths = shape_errors
    if errors:
        # only to report these errors: the spec takes the values reported, and the options' relations
        # (mutually_exclusive, required_one_of, ...) wait for input whose values ansible-core can take
        module = CustomerProfilesModule(
            parsed,
            argument_spec=tolerant_spec(spec, paths),
            supports_check_mode=kwargs.get("supports_check_mode", False),
        )
        module.fail_json(
            msg="Invalid options: " + "; ".join(errors), invocation=dict(module_args=masked(module.params, spec, paths))
        )
    return CustomerProfilesModule(parsed, compact, argument_spec=spec, **kwargs)


MASK = "VALUE_SPECIFIED_IN_NO_LOG_PARAMETER"  # what ansible-core shows for a no_log value


def masked(params, spec, paths):
    """A copy of ``params`` with the values at spec ``paths`` (``profiles.match_by``: in every item), under their
    names and aliases, masked."""

    def mask(value, entries, names):
        if isinstance(value, list):
            return [mask(item, entries, names) for item in value]
        if not isinstance(value, dict):
            return value
        value = dict(value)
        entry = entries[names[0]]
        for key in [names[0]] + list(entry.get("aliases", [])):
            if value.get(key) is not None:
                value[key] = mask(value[key], entry.get("options") or {}, names[1:]) if names[1:] else MASK
        return value

    for path in paths:
        params = mask(params, spec, path.split("."))
    return params


def _fail(module, error, changed, invocation=None):
    extra = {} if invocation is None else dict(invocation=invocation)
    if isinstance(error, PlanError):
        extra.update(error.details)
        module.fail_json(msg=error.message, changed=changed, **extra)
    message, details = describe_error(error)
    details.update(error.kwargs or {})
    details.update(extra)
    module.fail_json(msg=message, changed=changed, **details)


def options_as_written():
    """The module's options as the user wrote them: aliases as given, values before ansible-core converts them.

    The one reader of ansible-core's input, for the driver only. ansible-core keeps only the converted options
    and has no public function for these; the driver needs them before the module object exists, to report
    input whose shape ansible-core would mangle (by option name, never the value) and to name an option as
    written (an alias). ``_load_params`` is private: if ansible-core changes it, only this function changes.
    """
    return _load_params() or {}


def _start(contract_class):
    """The module object and the resource (or lister) with its client, once the input passed validation."""
    spec = contract_class.argument_spec
    raw = options_as_written()
    shape_errors = input_shape_errors(spec, raw)
    written = frozenset(raw)
    # The module takes this dict as its arguments (ansible-core does not parse them again: a bulk module's N items
    # once) and mutates it; nothing here reads it any more.
    module = _module(
        spec, shape_errors, raw, contract_class.compact_params, supports_check_mode=True, **contract_class.module_kwargs
    )
    del raw
    module.compact_params()  # when ansible-core logged no invocation (a no_log task): before the client is built
    # The client is built first (no call is made): validation then reads the service model it loaded.
    contract = contract_class(module, module.customer_profiles_client())
    use_service_model(contract.client.meta.service_model)
    errors = [as_written(message, spec, written) for message in contract.validate()]
    if errors:
        module.fail_json(msg="Invalid options: " + "; ".join(errors))
    return module, contract


def run(resource_class):
    """The driver: validate, read, plan, check mode or apply, one exit (see the module docstring)."""
    module, resource = _start(resource_class)
    try:
        current = resource.read()
        if not isinstance(current, Current):
            current = Current(current)
        plan = resource.plan(current)
        for warning in plan.warnings:
            module.warn(warning)
        if plan.blocked is not None and not module.check_mode:
            raise plan.blocked
        if plan.failure is not None and (module.check_mode or not plan.calls):
            raise plan.failure
        outcome = plan.after if module.check_mode or not plan.calls else resource.apply(plan)
    except (CustomerProfilesError, PlanError) as e:
        _fail(module, e, changed=resource.writes > 0, invocation=resource.invocation())
    result = dict(changed=plan.changed)
    result.update(resource.result(plan, outcome))
    if resource.invocation() is not None:
        result["invocation"] = resource.invocation()
    if module._diff:
        result["diff"] = resource.diff(current, plan, outcome)
    # What was read and planned is not needed any more: let it go before ansible-core copies the result and
    # serializes it (for a bulk module, all of its items).
    del resource, plan, current, outcome
    module.exit_json(**result)


class Lister(Contract):
    """The contract of an info module: one item by its identity, or every item (all pages)."""

    def wanted_one(self):
        """True when the identity option is given (get_one), False for every item (list_all)."""
        raise NotImplementedError

    def get_one(self):
        """The item, or None when it does not exist."""
        raise NotImplementedError

    def list_all(self):
        raise NotImplementedError

    def describe(self, item):
        return item

    def result(self, items):
        return {self.result_key: [self.describe(item) for item in items]}


def run_info(lister_class):
    """The info driver: validate, then get one or list all, one exit (never changed)."""
    module, lister = _start(lister_class)
    try:
        if lister.wanted_one():
            item = lister.get_one()
            items = [] if item is None else [item]
        else:
            items = lister.list_all()
        result = lister.result(items)  # a result may read more (an _info option that lists what the service offers)
    except (CustomerProfilesError, PlanError) as e:
        _fail(module, e, changed=False)
    module.exit_json(changed=False, **result)


def dict_option(options, required=False):
    """An argument spec entry: a dict option with the sub-``options`` given."""
    entry = dict(type="dict", options=options)
    if required:
        entry["required"] = True
    return entry


def list_option(options, required=False):
    """An argument spec entry: a list option whose elements are dicts with the sub-``options`` given."""
    entry = dict(type="list", elements="dict", options=options)
    if required:
        entry["required"] = True
    return entry


def named_spec(name_option, **extra):
    """The argument spec of a NamedLister: domain_name, the name option (alias ``name``) and ``extra``."""
    spec = {"domain_name": dict(type="str", required=True), name_option: dict(type="str", aliases=["name"])}
    spec.update(extra)
    return spec


class NamedLister(Lister):
    """The info module of resources named inside a domain: one by its name (``name_option``), or every one of
    the domain, each read again with the get call (the list items are summaries).

    ``named_lister()`` makes one from the resource's own declarations. Its attributes: ``resource`` (the resource
    class: an item is described as the resource's module describes its result), ``name_option``, ``name_member``
    (the name in a list item), ``get_operation`` (checked against the model), ``result_key``, and the resource's
    two reads: ``reads_one``, ``(client, domain_name, name)`` -> the item or None, and ``reads_all``, ``(client,
    domain_name)`` -> every list item (as ``staticmethod(get_...)`` and ``staticmethod(list_...)``).
    """

    resource = None
    name_option = None
    name_member = None
    get_operation = None
    reads_one = None
    reads_all = None

    def get(self, name):
        return self.reads_one(self.client, self.params["domain_name"], name)

    def list_items(self):
        return self.reads_all(self.client, self.params["domain_name"])

    def model_inputs(self):
        options = {"domain_name": self.params["domain_name"], self.name_option: self.params[self.name_option]}
        return [(self.get_operation, options, "")]

    def wanted_one(self):
        return self.params[self.name_option] is not None

    def get_one(self):
        return self.get(self.params[self.name_option])

    def list_all(self):
        found = (self.get(item[self.name_member]) for item in self.list_items())
        return [item for item in found if item is not None]

    def describe(self, item):
        """The item as the resource's module describes its result (a resource's describe reads no option but
        ``domain_name``, which the info module has too)."""
        if self.resource is None:
            return item
        return self.resource(self.module, self.client).describe(item)


def named_lister(resource, get_operation, result_key, reads_all, **extra):
    """The NamedLister class of ``resource``, a resource named inside a domain (it declares ``name_option``,
    ``name_member`` and ``reads_one``): ``get_operation`` checks the name, ``result_key`` lists the items,
    ``reads_all`` lists the domain's; ``extra``, options of the info module besides the domain and the name."""
    return type(
        resource.__name__.replace("Resource", "") + "Lister",
        (NamedLister,),
        dict(
            resource=resource,
            name_option=resource.name_option,
            name_member=resource.name_member,
            get_operation=get_operation,
            argument_spec=named_spec(resource.name_option, **extra),
            result_key=result_key,
            reads_one=staticmethod(resource.reads_one),
            reads_all=staticmethod(reads_all),
        ),
    )
