import Planner

/// The Planner's spot check, named apart from Delivery's message of the same name.
typealias PlannedSpotCheck = SpotCheckReport
