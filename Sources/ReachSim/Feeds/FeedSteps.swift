/// A feed model's own steps of a post, around the sampler's passes. The runner calls them in the
/// order of docs/model.md: first wave (`PostSampler.exposeFollowers`), `afterFirstWave`, the
/// institution's reposts and their cascade, then `discover`.
extension PreparedFeed {
    /// Ranked feeds: recently engaged followers, the second wave after strong early engagement,
    /// and Reels test batches for short videos. Interest feeds: the cascade of the first wave's
    /// sharers, then the test batches. Chronological feeds and live events: nothing.
    func afterFirstWave(_ post: inout PostContext, on sampler: some PostSampler) {
        switch model {
        case .ranked(let ranked):
            ranked.afterFirstWave(&post, on: sampler)
        case .interest(let interest):
            sampler.cascade(&post)
            interest.testBatches(&post, on: sampler)
        case .chronological, .live:
            break
        }
    }

    /// Ranked feeds, live events and chronological feeds (hashtags, local and federated
    /// timelines, custom feeds): Poisson(`discoveryMean` × the campaigns' multiplier)
    /// out-of-network impressions, then the cascade of their sharers. Nothing is drawn when the
    /// mean is 0 or nobody can be shown the post.
    func discover(_ post: inout PostContext, on sampler: some PostSampler) {
        let mean = discoveryMean(post, scale: sampler.audienceScale) * post.discoveryMultiplier
        guard mean > 0 && sampler.canDiscover(post) else { return }
        sampler.showDiscovery(&post, impressions: post.rng.poisson(mean))
        sampler.cascade(&post)
    }
}

extension RankedFeed {
    func afterFirstWave(_ post: inout PostContext, on sampler: some PostSampler) {
        if engagedMultiplier > 1 {
            sampler.exposeEngagedFollowers(&post, multiplier: engagedMultiplier)
        }
        if secondWaveMultiplier > 0 && post.views > 0
            && Double(post.engagements) >= secondWaveThreshold * Double(post.views) {
            sampler.exposeFollowers(&post, multiplier: secondWaveMultiplier)
        }
        if post.format == .shortVideo, let reels {
            sampler.cascade(&post)
            reels.testBatches(&post, on: sampler)
        }
    }
}

extension InterestFeed {
    /// Test batches of non-followers, expanded while a batch's engagements per view reach the
    /// threshold (`expands`); each batch's sharers cascade before the next batch is decided.
    func testBatches(_ post: inout PostContext, on sampler: some PostSampler) {
        guard sampler.canDiscover(post) else { return }
        for k in 0..<maxBatches {
            let size = Int((Double(batchSize(k, format: post.format, scale: sampler.audienceScale))
                            * post.discoveryMultiplier).rounded())
            let viewsBefore = post.views, engagementsBefore = post.engagements
            let shown = sampler.showTestBatch(&post, size: size)
            let views = post.views - viewsBefore, engagements = post.engagements - engagementsBefore
            sampler.cascade(&post)
            if shown < size || !expands(views: views, engagements: engagements) { break }
        }
    }
}
