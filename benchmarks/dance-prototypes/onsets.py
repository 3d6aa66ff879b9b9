import numpy as np
HOP=0.016
mels=[np.fromfile('mel/%d.f32'%i,dtype='<f4').reshape(-1,96)[:1813].astype(np.float64) for i in range(116)]
def onset(x, bands=None):
    d=np.maximum(0,np.diff(x,axis=0))
    if bands is not None: d=d[:,bands]
    return np.concatenate([[0],d.mean(1)])
def detr(o,w=31):
    k=np.ones(w); c=np.convolve(o,k,'same')/np.convolve(np.ones(len(o)),k,'same')
    return np.maximum(0,o-c)
def lag_s(k,L=64,lo=0.2,hi=4.0): return lo*(hi/lo)**(k/(L-1))
def rawacf(o,maxlag):
    n=len(o); e=(o**2).mean()
    if e<=0: return np.zeros(maxlag+1)
    f=np.fft.rfft(o,2*n); r=np.fft.irfft(f*np.conj(f))[:maxlag+1]
    return r/(n-np.arange(maxlag+1))/e
def pool(r,L=64,lo=0.2,hi=4.0):
    maxlag=len(r)-1
    return np.array([r[int(np.floor(lag_s(k-0.5,L,lo,hi)/HOP)):min(maxlag,int(np.ceil(lag_s(k+0.5,L,lo,hi)/HOP)))+1].max() for k in range(L)])
def acfA(o,L=64,lo=0.2,hi=4.0):
    maxlag=int(np.ceil(lag_s(L-0.5,L,lo,hi)/HOP)); return pool(rawacf(o,maxlag),L,lo,hi)
ON=[detr(onset(m)) for m in mels]
