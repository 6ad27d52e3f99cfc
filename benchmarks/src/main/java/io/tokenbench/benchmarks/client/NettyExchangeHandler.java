package io.tokenbench.benchmarks.client;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.HttpObject;

/**
 * The last handler of a pooled connection: passes response parts to the exchange in progress and
 * fails it when the connection breaks. One exchange at a time per connection (the pool guarantees
 * it).
 */
final class NettyExchangeHandler extends SimpleChannelInboundHandler<HttpObject> {

    private volatile NettyExchange current;

    /** Called before the request is written. */
    void begin(NettyExchange exchange) {
        current = exchange;
    }

    /** Called when the response has ended, before the connection goes back to the pool. */
    void end() {
        current = null;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
        NettyExchange exchange = current;
        if (exchange == null) {
            ctx.close(); // bytes nobody asked for: this connection is no longer trustworthy
            return;
        }
        exchange.onObject(msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        failCurrent(new ChatFailure("connection closed before the end of the response"));
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        failCurrent(new ChatFailure("netty: " + cause, cause));
        ctx.close();
    }

    private void failCurrent(ChatFailure failure) {
        NettyExchange exchange = current;
        current = null;
        if (exchange != null) {
            exchange.fail(failure);
        }
    }
}
