# MicrosoftTeams 5 or later: Set-CsUserCallingSettings needs 4.0, and Set-CsPhoneNumberAssignment
# reports a failure as an error only from 4.2.1 on (earlier versions returned it as an object).
#Requires -Modules @{ ModuleName = 'MicrosoftTeams'; ModuleVersion = '5.0.0' }
<#
.SYNOPSIS
    Teams Direct Routing for a Switchboard deployment: pairs the customer's SBC with the tenant, routes
    the agents' calls through it, gives each agent a Direct Routing number and keeps Teams from taking
    an offered call on an agent's behalf (voicemail, forwarding).

.DESCRIPTION
    Run as a Teams administrator after Connect-MicrosoftTeams. The script creates what is missing and
    enforces the settings Switchboard depends on; voice routes and voice routing policies that already
    exist under the same names are left as they are and shown. -WhatIf shows the changes without
    making them. README.md in this folder explains every step. This script has not been run by the
    project: its build machine reaches no tenant.

.EXAMPLE
    Connect-MicrosoftTeams
    ./direct-routing.ps1 -SbcFqdn sbc.contoso.com `
        -Agents @{ 'alice@contoso.com' = '+15550201'; 'bob@contoso.com' = '+15550202' } `
        -ContactCenterNumbers '+15550100' -WhatIf
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    # The SBC's FQDN: a name in one of the tenant's domains (not *.onmicrosoft.com), the name in the
    # SBC's certificate, and the name the SBC puts in Contact / Record-Route.
    [Parameter(Mandatory)] [string] $SbcFqdn,

    # Agents by user principal name, each with the E.164 number switchboard.yaml gives that agent
    # (agents[].number): switchboardd sends the agent's B-leg to the SBC with this number.
    [Parameter(Mandatory)] [hashtable] $Agents,

    # The numbers switchboardd's queues answer (queues[].numbers). Only checked: they must not be
    # assigned to anyone in Teams.
    [string[]] $ContactCenterNumbers = @(),

    # Alert threshold for the SBC (Teams alerts at 90 % of it); size it for callers plus agents' calls.
    [int] $MaxConcurrentSessions = 100,

    # Calls from agents that go to the SBC: E.164 numbers (dial plans normalise what agents dial).
    [string] $NumberPattern = '^\+\d+$',

    [string] $PstnUsage = 'Switchboard',
    [string] $VoiceRouteName = 'Switchboard SBC',
    [string] $VoiceRoutingPolicyName = 'Switchboard agents',
    [string] $CallingPolicyName = 'Switchboard agents'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

# 1. The PSTN gateway: the SBC as Teams sees it.
#    SipSignalingPort 5061: Microsoft's proxies connect to the SBC over TLS on this port.
#    MediaBypass off: media goes through Microsoft's media processors, which is what the SBC samples
#      expect (no ICE on the SBC, no media from the agents' clients straight to the SBC).
#    ForwardCallHistory on: calls Teams forwards or transfers to the SBC carry History-Info and
#      Referred-By, so switchboardd and the SBC logs see who sent them.
#    ForwardPai off: with it on, Teams puts the caller in P-Asserted-Identity and an anonymous From;
#      switchboardd and most carriers take the calling number from From.
#    SendSipOptions on: Teams then watches the SBC's OPTIONS (about one a minute) for its health.
$gatewaySettings = @{
    SipSignalingPort      = 5061
    Enabled               = $true
    SendSipOptions        = $true
    MediaBypass           = $false
    ForwardCallHistory    = $true
    ForwardPai            = $false
    MaxConcurrentSessions = $MaxConcurrentSessions
}
if (Get-CsOnlinePSTNGateway -Filter $SbcFqdn) {
    if ($PSCmdlet.ShouldProcess($SbcFqdn, 'Set-CsOnlinePSTNGateway')) {
        Set-CsOnlinePSTNGateway -Identity $SbcFqdn @gatewaySettings
    }
} elseif ($PSCmdlet.ShouldProcess($SbcFqdn, 'New-CsOnlinePSTNGateway')) {
    New-CsOnlinePSTNGateway -Fqdn $SbcFqdn @gatewaySettings
}

# 2. A PSTN usage: the label that ties voice routes to voice routing policies.
if ((Get-CsOnlinePstnUsage -Identity Global).Usage -notcontains $PstnUsage) {
    if ($PSCmdlet.ShouldProcess($PstnUsage, 'Set-CsOnlinePstnUsage -Usage @{Add}')) {
        Set-CsOnlinePstnUsage -Identity Global -Usage @{ Add = $PstnUsage }
    }
}

# 3. A voice route: numbers matching NumberPattern go to the SBC. Agents' outgoing calls, and an
#    agent's call or transfer to a contact-center number, leave Teams this way; the SBC sends the
#    contact-center numbers to switchboardd and the rest to the carrier.
$route = Get-CsOnlineVoiceRoute | Where-Object Identity -eq $VoiceRouteName
if ($route) {
    $route | Format-List Identity, NumberPattern, OnlinePstnGatewayList, OnlinePstnUsages, Priority
} elseif ($PSCmdlet.ShouldProcess($VoiceRouteName, 'New-CsOnlineVoiceRoute')) {
    New-CsOnlineVoiceRoute -Identity $VoiceRouteName -NumberPattern $NumberPattern `
        -OnlinePstnGatewayList $SbcFqdn -OnlinePstnUsages $PstnUsage -Priority 1
}

# 4. A voice routing policy: gives the agents that PSTN usage.
$policy = Get-CsOnlineVoiceRoutingPolicy | Where-Object Identity -eq "Tag:$VoiceRoutingPolicyName"
if ($policy) {
    $policy | Format-List Identity, OnlinePstnUsages
} elseif ($PSCmdlet.ShouldProcess($VoiceRoutingPolicyName, 'New-CsOnlineVoiceRoutingPolicy')) {
    New-CsOnlineVoiceRoutingPolicy -Identity $VoiceRoutingPolicyName -OnlinePstnUsages $PstnUsage
}

# 5. A calling policy for agents: nothing in Teams may take an offered call instead of the agent.
#    AllowVoicemail AlwaysDisabled: unanswered calls never go to voicemail. Otherwise Teams answers
#      an offer that rings past the agent's unanswered delay (20 s by default) with 200, switchboardd
#      sees an answer, and the caller lands in the agent's personal voicemail.
#    No forwarding to users or phones, no call groups, no delegates: a forwarded offer is answered
#      by someone who is not the agent switchboardd chose.
#    BusyOnBusyEnabledType Enabled: an agent already on a call rejects a new one as busy (486), which
#      switchboardd takes as "busy" and offers the caller to someone else.
$callingSettings = @{
    AllowVoicemail             = 'AlwaysDisabled'
    AllowCallForwardingToUser  = $false
    AllowCallForwardingToPhone = $false
    AllowCallGroups            = $false
    AllowDelegation            = $false
    BusyOnBusyEnabledType      = 'Enabled'
}
if (Get-CsTeamsCallingPolicy | Where-Object Identity -eq "Tag:$CallingPolicyName") {
    if ($PSCmdlet.ShouldProcess($CallingPolicyName, 'Set-CsTeamsCallingPolicy')) {
        Set-CsTeamsCallingPolicy -Identity $CallingPolicyName @callingSettings
    }
} elseif ($PSCmdlet.ShouldProcess($CallingPolicyName, 'New-CsTeamsCallingPolicy')) {
    New-CsTeamsCallingPolicy -Identity $CallingPolicyName @callingSettings
}

# 6. Each agent: a Direct Routing number (which also sets EnterpriseVoiceEnabled), both policies,
#    and no unanswered-call handling of their own ("If unanswered: do nothing"), so an offer rings
#    until switchboardd's ring timeout cancels it.
foreach ($upn in $Agents.Keys) {
    $number = $Agents[$upn]
    if ($PSCmdlet.ShouldProcess($upn, "Set-CsPhoneNumberAssignment $number (DirectRouting)")) {
        Set-CsPhoneNumberAssignment -Identity $upn -PhoneNumber $number -PhoneNumberType DirectRouting
    }
    if ($PSCmdlet.ShouldProcess($upn, "Grant-CsOnlineVoiceRoutingPolicy $VoiceRoutingPolicyName")) {
        Grant-CsOnlineVoiceRoutingPolicy -Identity $upn -PolicyName $VoiceRoutingPolicyName
    }
    if ($PSCmdlet.ShouldProcess($upn, "Grant-CsTeamsCallingPolicy $CallingPolicyName")) {
        Grant-CsTeamsCallingPolicy -Identity $upn -PolicyName $CallingPolicyName
    }
    if ($PSCmdlet.ShouldProcess($upn, 'Set-CsUserCallingSettings -IsUnansweredEnabled $false')) {
        Set-CsUserCallingSettings -Identity $upn -IsUnansweredEnabled $false
    }
}

# 7. The contact-center numbers belong to switchboardd, not to Teams: a number assigned to a user or
#    a resource account (auto attendant, call queue) would keep an agent's call or transfer to it
#    inside Teams instead of sending it through the SBC to switchboardd.
foreach ($number in $ContactCenterNumbers) {
    # A number the tenant does not hold at all is fine: nothing (or an error) comes back for it.
    $assigned = Get-CsPhoneNumberAssignment -TelephoneNumber $number -ErrorAction SilentlyContinue
    if ($assigned -and $assigned.PstnAssignmentStatus -ne 'Unassigned') {
        Write-Warning "$number is assigned in Teams ($($assigned.PstnAssignmentStatus), $($assigned.AssignedPstnTargetId)): calls to it stay in Teams and never reach switchboardd"
    }
}
