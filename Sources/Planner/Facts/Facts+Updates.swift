extension Facts {
  /// Adds or replaces a household; returns the household codes whose plan this concerns.
  @discardableResult
  public mutating func upsert(_ household: Household) -> [String] {
    let previous = households.updateValue(household, forKey: household.id)
    if previous?.project != household.project, let position = households.position(of: household.id) {
      if let old = previous?.project { positionsByProject[old]?.removeAll { $0 == position } }
      insertSorted(position, into: household.project)
    }
    return [household.id]
  }

  /// Records a visit or attempt; returns the household concerned.
  @discardableResult
  public mutating func add(_ visit: Visit) -> [String] {
    households.add(visit)
    return [visit.household]
  }

  /// Adds or replaces a ticket (closing it, say); returns the household concerned.
  @discardableResult
  public mutating func upsert(_ ticket: Ticket) -> [String] {
    var list = ticketsByHousehold[ticket.household, default: []].filter { $0.number != ticket.number }
    list.append(ticket)
    ticketsByHousehold[ticket.household] = list.sorted { $0.number < $1.number }
    return [ticket.household]
  }

  /// Records a waiver; returns the household concerned.
  @discardableResult
  public mutating func add(_ waiver: Waiver) -> [String] {
    waiversByHousehold[waiver.household, default: []].append(waiver)
    return [waiver.household]
  }

  /// Adds or replaces an area (a steward change, say); returns every household of the area.
  @discardableResult
  public mutating func upsert(_ area: Area) -> [String] {
    areas[area.id] = area
    return households(inArea: area.id)
  }

  /// Adds or replaces a campaign; returns every household of its project.
  @discardableResult
  public mutating func upsert(_ campaign: Campaign) -> [String] {
    campaigns.removeAll { $0.id == campaign.id }
    campaigns.append(campaign)
    campaigns.sort { $0.id < $1.id }
    return households(inProject: campaign.project)
  }

  /// Adds or replaces a project.
  public mutating func upsert(_ project: Project) { projects[project.id] = project }

  /// Adds or replaces a steward.
  public mutating func upsert(_ steward: Steward) { stewards[steward.id] = steward }

  private mutating func insertSorted(_ position: Int, into project: String) {
    let id = households.household(at: position).id
    let place = positionsByProject[project, default: []].partitioningIndex {
      households.household(at: $0).id >= id
    }
    positionsByProject[project, default: []].insert(position, at: place)
  }
}
