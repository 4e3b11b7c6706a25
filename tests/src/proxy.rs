//! A TCP forwarder that can be stopped and started again on the same port: a database that goes
//! down and comes back, without touching the real server other tests use.

use std::net::SocketAddr;

use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

pub struct Proxy {
    pub addr: SocketAddr,
    target: SocketAddr,
    task: Option<JoinHandle<()>>,
}

impl Proxy {
    pub async fn start(target: SocketAddr) -> Proxy {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("addr");
        let mut p = Proxy {
            addr,
            target,
            task: None,
        };
        p.task = Some(tokio::spawn(Self::forward(listener, target)));
        p
    }

    async fn forward(listener: TcpListener, target: SocketAddr) {
        let mut connections = tokio::task::JoinSet::new();
        while let Ok((mut inbound, _)) = listener.accept().await {
            connections.spawn(async move {
                if let Ok(mut outbound) = TcpStream::connect(target).await {
                    let _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound).await;
                }
            });
        }
    }

    /// Closes the port and every connection through it (dropping the task drops them all).
    pub fn stop(&mut self) {
        if let Some(t) = self.task.take() {
            t.abort();
        }
    }

    /// Listens again on the same port.
    pub async fn resume(&mut self) {
        let listener = TcpListener::bind(self.addr)
            .await
            .expect("rebind the same port");
        self.task = Some(tokio::spawn(Self::forward(listener, self.target)));
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        self.stop();
    }
}
